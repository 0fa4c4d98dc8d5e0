// Whether "Continue with Google" is offered: when GOOGLE_CLIENT_ID and _SECRET are set (the same
// switch that turns on Calendar sync, which providerModes reports as the calendar part).
import { providerModes } from "../config-schema";
import { env } from "../env";

export function googleSignInEnabled(): boolean {
  return providerModes(env()).calendar.live;
}
