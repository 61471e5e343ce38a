import { getTranslations } from "next-intl/server";
import { BackToQueue } from "./shell/back-to-queue";

// An unknown dashboard path, request or e-mail: 404 inside the shell.
export default async function DashboardNotFound() {
  const t = await getTranslations("shell.notFound");
  return <BackToQueue title={t("title")} text={t("text")} testId="not-found" />;
}
