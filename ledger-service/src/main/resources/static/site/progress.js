// A live progress bar (htmx polls its figures; see the rebuild page). htmx would add a <style> element for
// its request indicators, which the site's Content-Security-Policy refuses (no inline styles): none is needed.
if (window.htmx) {
  window.htmx.config.includeIndicatorStyles = false;
}
