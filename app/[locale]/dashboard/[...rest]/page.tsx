import { notFound } from "next/navigation";

// Unknown paths under the dashboard get its not-found page, inside the shell.
export default function DashboardCatchAll() {
  notFound();
}
