// The verification page polls its progress with htmx (hx-get, hx-trigger="every 1s" on the fragment).
// The site's Content-Security-Policy allows no inline style or evaluated code, so htmx must not insert
// its indicator style or evaluate attributes: set before htmx initialises (this file loads after it,
// both deferred, and deferred scripts run before DOMContentLoaded, when htmx reads its settings).
(function () {
  'use strict';
  if (window.htmx) {
    window.htmx.config.includeIndicatorStyles = false;
    window.htmx.config.allowEval = false;
  }
}());
