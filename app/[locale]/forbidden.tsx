import { getTranslations } from "next-intl/server";
import { Container } from "@/components/container";

export default async function Forbidden() {
  const t = await getTranslations("staff.forbidden");
  return (
    <Container className="py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-muted">{t("text")}</p>
    </Container>
  );
}
