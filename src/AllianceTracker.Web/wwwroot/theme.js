// Keeps the system's light/dark preference in a cookie for browsers that do not send the
// Sec-CH-Prefers-Color-Scheme hint, so the server renders the right theme from the first byte.
// On the very first visit of such a browser the page may be in the wrong theme: reload once.
(function () {
    if (/(^|; )theme=(dark|light)/.test(document.cookie)) {
        return; // The reader chose a theme; the system's does not matter.
    }
    var system = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    var known = /(^|; )theme-system=(dark|light)/.exec(document.cookie);
    document.cookie = 'theme-system=' + system + '; path=/; max-age=31536000; samesite=lax';
    if (document.documentElement.getAttribute('data-theme') !== system && (!known || known[2] !== system)) {
        location.reload();
    }
})();
