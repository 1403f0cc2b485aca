/* Kapatiran browser figures (README): errors always (no personal data, no cookie);
   page-load figures only with analytics consent. ES2017, no build, < 2 KB. */
(function() {
  var s = document.currentScript, d = s ? s.dataset : {}, n = 3;
  function report(e, m) {
    m = String((e && e.message) || m || e);
    if (n-- < 1 || m == "Script error.") return;
    fetch("/api/client-errors", {
      method: "POST", credentials: "omit", keepalive: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        message: m.slice(0, 1000), stack: String((e && e.stack) || "").slice(0, 4000),
        route: d.route || location.pathname, release: d.release || ""
      })
    }).catch(function() {});
  }
  addEventListener("error", function(v) { report(v.error, v.message); });
  addEventListener("unhandledrejection", function(v) { report(v.reason); });
  if (d.analytics != "1" || !navigator.sendBeacon || !window.PerformanceObserver) return;
  var lcp = 0, inp = 0, cls = 0, sent = 0, t = Date.now(), k = "kapatiran.visit";
  try { var S = sessionStorage; t = +S.getItem(k) || t; S.setItem(k, t) } catch (x) {}
  function watch(type, fn, o) {
    try { new PerformanceObserver(function(l) { l.getEntries().forEach(fn) })
      .observe(Object.assign({ type: type, buffered: true }, o)); } catch (x) {}
  }
  watch("largest-contentful-paint", function(e) { lcp = e.startTime; });
  watch("event", function(e) { if (e.duration > inp) inp = e.duration; }, { durationThreshold: 40 });
  watch("layout-shift", function(e) { if (!e.hadRecentInput) cls += e.value; });
  var r = Math.round, min = Math.min;
  function send() {
    if (sent++) return;
    navigator.sendBeacon("/api/beacon", JSON.stringify({
      lcp: min(r(lcp), 6e4), inp: min(r(inp), 6e4), cls: r(cls * 1e3) / 1e3,
      sessionSeconds: min(r((Date.now() - t) / 1e3), 86400)
    }));
  }
  addEventListener("pagehide", send);
  addEventListener("visibilitychange", function() { if (document.visibilityState == "hidden") send(); });
})();
