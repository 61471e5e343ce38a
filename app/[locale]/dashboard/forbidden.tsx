import { getTranslations } from "next-intl/server";
import { BackToQueue } from "./shell/back-to-queue";

// A role without the page's permission (requireStaff → forbidden()): 403 inside the shell.
export default async function DashboardForbidden() {
  const t = await getTranslations("staff.forbidden");
  return <BackToQueue title={t("title")} text={t("text")} testId="forbidden" />;
}
