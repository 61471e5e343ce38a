import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { Link } from "@/lib/i18n/navigation";

/** The dashboard's 403 and 404: what happened, and the way back to the queue, inside the shell. */
export async function BackToQueue({ title, text, testId }: { title: string; text: string; testId: string }) {
  const t = await getTranslations("shell");
  return (
    <Container className="py-12">
      <div data-testid={testId}>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-3 text-muted">{text}</p>
        <Link href="/dashboard" className={`${buttonClasses("primary")} mt-6`}>
          {t("backToQueue")}
        </Link>
      </div>
    </Container>
  );
}
