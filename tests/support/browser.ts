// The HTTP "browser" lives with the scripts (the benchmark signs in with it too).
export { browse, CookieJar, postForm } from "../../scripts/support/browser-session";
