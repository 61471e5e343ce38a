import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Fails when the page is wider than the window (it would scroll sideways), naming the elements
 * that stick out past the right edge and are not inside a frame that scrolls on its own
 * (a table in `overflow-x-auto`), so the message says which ancestor lacks `min-w-0`.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const scrollsOnItsOwn = (element: Element | null): boolean => {
      for (let node = element?.parentElement ?? null; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === "auto" || overflow === "scroll" || overflow === "hidden" || overflow === "clip") return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/).slice(0, 4).join(".") : "";
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${classes ? `.${classes}` : ""} (right ${Math.round(element.getBoundingClientRect().right)})`;
    };
    const offenders = [...document.body.querySelectorAll("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > viewport + 1 && getComputedStyle(element).position !== "fixed" && !scrollsOnItsOwn(element);
      })
      .slice(0, 5)
      .map(describe);
    return { width: root.scrollWidth, viewport, offenders };
  });
  expect(result.width, `the page is ${result.width}px wide in a ${result.viewport}px window; sticking out: ${result.offenders.join("; ")}`).toBeLessThanOrEqual(result.viewport);
}

/** No two of these controls overlap: their bounding boxes do not intersect (touching edges is fine). */
export async function expectNoOverlap(controls: Locator) {
  const boxes = [];
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    if (box) boxes.push({ box, name: (await control.textContent())?.trim() ?? "" });
  }
  expect(boxes.length).toBeGreaterThan(1);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.box;
      const b = boxes[j]!.box;
      const overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
      expect(overlap, `"${boxes[i]!.name}" overlaps "${boxes[j]!.name}"`).toBe(false);
    }
  }
}
