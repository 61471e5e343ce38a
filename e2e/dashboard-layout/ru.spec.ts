import { sweepDashboard } from "../support/dashboard-sweep";

sweepDashboard("ru");
