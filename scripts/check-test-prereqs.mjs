// Before `npm test`: the end-to-end tests use Debian's Chromium and never download a browser.
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium is not installed at ${chromium}. Install it with \`sudo apt-get install chromium\` ` +
      "(or set CHROMIUM_PATH), then run npm test again.",
  );
  process.exit(1);
}
