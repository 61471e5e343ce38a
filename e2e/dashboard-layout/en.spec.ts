import { sweepDashboard } from "../support/dashboard-sweep";

sweepDashboard("en");
