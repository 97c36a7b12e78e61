// 适老化 reading preferences: font size (小/中/大) and high contrast, kept in localStorage.
// Loaded as a blocking external script in <head> (the CSP forbids inline scripts) so the saved
// size applies before the first paint; the controls in the header are wired once the DOM is ready.
(function () {
  var root = document.documentElement;
  var KEY = 'portal-prefs';
  var SIZES = ['small', 'medium', 'large'];
  function read() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '{}') || {};
    } catch (e) {
      return {};
    }
  }
  function apply(p) {
    root.dataset.fontSize = SIZES.indexOf(p.fontSize) >= 0 ? p.fontSize : 'medium';
    if (p.contrast === 'high') root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
  }
  function save(p) {
    try {
      localStorage.setItem(KEY, JSON.stringify(p));
    } catch (e) {
      /* private mode: preferences last for this page only */
    }
  }
  apply(read());
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.querySelector('[data-prefs]');
    if (!box) return;
    box.hidden = false;
    function sync() {
      var p = read();
      box.querySelectorAll('[data-font-size]').forEach(function (b) {
        b.setAttribute('aria-pressed', String(b.getAttribute('data-font-size') === (root.dataset.fontSize || 'medium')));
      });
      var c = box.querySelector('[data-contrast-toggle]');
      if (c) c.setAttribute('aria-pressed', String(p.contrast === 'high'));
    }
    box.addEventListener('click', function (e) {
      var t = e.target.closest('button');
      if (!t) return;
      var p = read();
      if (t.hasAttribute('data-font-size')) p.fontSize = t.getAttribute('data-font-size');
      if (t.hasAttribute('data-contrast-toggle')) p.contrast = p.contrast === 'high' ? 'normal' : 'high';
      save(p);
      apply(p);
      sync();
    });
    sync();
  });
})();
