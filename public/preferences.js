// 适老化 reading preferences: font size (小/中/大/特大) and high contrast, kept in localStorage.
// Loaded as a blocking external script in <head> (the CSP forbids inline scripts) so the saved
// size applies before the first paint; the controls in the header are wired once the DOM is ready.
// It also marks the page as scripted (html[data-js]): on phones the header's navigation and the
// preferences then fold behind two disclosure buttons ([data-header-toggle]); without JavaScript
// they stay shown.
(function () {
  var root = document.documentElement;
  var KEY = 'portal-prefs';
  var SIZES = ['small', 'medium', 'large', 'xlarge'];
  root.setAttribute('data-js', '');
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
  // A disclosure button: aria-expanded on the button, data-open on what it controls (CSS hides
  // the closed one on phones only). Nothing moves focus; Escape closes and returns to the button.
  function wireToggle(button) {
    var target = document.getElementById(button.getAttribute('aria-controls'));
    if (!target) return;
    function set(open) {
      button.setAttribute('aria-expanded', String(open));
      if (open) target.setAttribute('data-open', '');
      else target.removeAttribute('data-open');
    }
    button.addEventListener('click', function () {
      set(button.getAttribute('aria-expanded') !== 'true');
    });
    target.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' && button.offsetParent !== null) {
        set(false);
        button.focus();
      }
    });
  }
  apply(read());
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-header-toggle]').forEach(wireToggle);
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
      var t = e.target.closest('[data-font-size], [data-contrast-toggle]');
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
