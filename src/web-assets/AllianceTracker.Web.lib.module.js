// The one page script, loaded once by blazor.web.js as a JS initializer.
//
// Readers' pages are static server rendering with no circuit (ADR 0012); editors' pages are the same
// components in a circuit. This script gives both the same view controls and keeps readers' pages live.
//
// View controls (docs/architecture.md, "View controls") are GET forms marked data-view, each with a
// visible button, so they work without this script. With it:
// - a select applies as it changes; a text or date field applies when it is committed (the button,
//   Enter, or leaving the field with a whole, valid value), never while it is typed: a date typed digit
//   by digit passes through 0002-06-20 and 0024-06-20 on its way to 2024-06-20;
// - a date outside the alliance's lifetime is refused at the field, with the reason;
// - the view changes by navigation inside the page (enhanced navigation for readers, the circuit's
//   router for editors) and keeps scroll, focus and open disclosures; readers hear the new view in the
//   page's live region (editors' circuits announce it themselves).
// Listeners sit on the document, not on the forms, because an editor's circuit renders its forms anew.
//
// Live updates (readers' pages): the script follows /api/v1/changes/stream (ADR 0011) and, when a change
// concerns the page on screen, refreshes it the same way, marks what changed (cells and consensus
// counts) and announces it: "1 change: Hungary on … is now Opts out".

const refreshAfterMs = 150;
const highlightForMs = 4000;
const viewTimeoutMs = 15000;
const pausedRetryMs = 30000;
const viewForm = 'form[data-view]';

let blazor;
let reading = false;
let pendingCells = [];
let pendingResync = false;
let refreshTimer;
let restore = null;
let liveState = null;
// What each view field held when it took focus: leaving it unchanged applies nothing. (Not the
// value attribute: an editor's circuit sets the value property and leaves the attribute empty.)
const valueOnFocus = new WeakMap();

export function afterWebStarted(api) {
    blazor = api;
    reading = document.body.dataset.mode === 'reading';
    // Capture: before blazor.web.js's own document listeners, which would submit the form themselves.
    document.addEventListener('submit', onSubmit, true);
    document.addEventListener('invalid', onInvalid, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('change', onChange);
    document.addEventListener('input', onInput);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    blazor.addEventListener('enhancedload', onEnhancedLoad);
    if (reading) {
        follow();
    }
    rememberVisit();
}

// ---- What's new: "since your last visit", kept in this browser only --------------------------------

const lastVisitKey = 'alliancetracker:changes-visited';

function rememberVisit() {
    const link = document.querySelector('[data-last-visit]');
    if (!link || link.dataset.remembered) {
        return;
    }
    link.dataset.remembered = 'true';
    let last = null;
    try {
        last = localStorage.getItem(lastVisitKey);
        localStorage.setItem(lastVisitKey, new Date().toISOString());
    } catch {
        return; // Storage refused (private mode, policy): the link stays hidden.
    }
    if (last && !Number.isNaN(Date.parse(last))) {
        link.href = 'changes?since=' + encodeURIComponent(last);
        link.textContent = 'Since your last visit (' + last.slice(0, 16).replace('T', ' ') + ' UTC)';
        link.hidden = false;
    }
}

// ---- View controls --------------------------------------------------------------------------------

function isViewField(element) {
    return element instanceof HTMLElement && element.form instanceof HTMLFormElement && element.form.matches(viewForm);
}

function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(viewForm)) {
        return;
    }

    // The browser fires submit only when every field is valid (otherwise "invalid", below).
    event.preventDefault();
    apply(form);
}

// The browser's own check of min, max and required found a field wrong while submitting: say why at
// the field instead of in the browser's bubble, and take the reader there.
let focusedInvalid = false;
function onInvalid(event) {
    const field = event.target;
    if (!isViewField(field)) {
        return;
    }

    event.preventDefault();
    showProblem(field);
    if (!focusedInvalid) {
        focusedInvalid = true;
        field.focus();
        setTimeout(() => { focusedInvalid = false; });
    }
}

function onChange(event) {
    const field = event.target;
    if (!isViewField(field)) {
        return;
    }

    if (field instanceof HTMLSelectElement) {
        pairDateField(field);
        // A side of Compare switched to "the date below" waits for its date.
        if (isComplete(field.form)) {
            apply(field.form);
        }
    } else if (field.type === 'search' || field.type === 'text') {
        // change fires when the reader leaves the field (or presses Enter, which also submits).
        apply(field.form);
    }
    // A date field's change fires at every whole date while it is typed: see onFocusOut.
}

function onInput(event) {
    const field = event.target;
    if (!isViewField(field) || field.type !== 'date') {
        return;
    }

    clearProblem(field);
    // Typing a date on a side of Compare means comparing with that date.
    const select = field.form.querySelector(`select[data-date-field="${CSS.escape(field.id)}"]`);
    if (select && select.value !== select.dataset.dateOption) {
        select.value = select.dataset.dateOption;
        pairDateField(select);
    }
}

function onFocusIn(event) {
    if (isViewField(event.target) && !valueOnFocus.has(event.target)) {
        valueOnFocus.set(event.target, event.target.value);
    }
}

function isChanged(field) {
    return field.validity.badInput || (valueOnFocus.has(field) && valueOnFocus.get(field) !== field.value);
}

function onFocusOut(event) {
    const field = event.target;
    // Only leaving the field counts: not the window losing focus (another tab, the calendar popup).
    if (!isViewField(field) || !document.hasFocus()) {
        return;
    }

    const changed = isChanged(field);
    valueOnFocus.delete(field);
    if (field.type !== 'date') {
        return;
    }
    if (!changed) {
        clearProblem(field);
        return;
    }

    if (field.validity.valid) {
        if (isComplete(field.form)) {
            apply(field.form);
        }
    } else {
        showProblem(field);
    }
}

function onClick(event) {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (link) {
        // Move focus, not only the view, so that the next Tab goes on from the page's content.
        event.preventDefault();
        document.getElementById('main')?.focus();
    }
}

// A select whose option means "the date field below" makes that field required while it is chosen.
function pairDateField(select) {
    const dateField = select.dataset.dateField && document.getElementById(select.dataset.dateField);
    if (dateField) {
        dateField.required = select.value === select.dataset.dateOption;
        if (!dateField.required) {
            clearProblem(dateField);
        }
    }
}

function isComplete(form) {
    return Array.from(form.elements).every(field => !field.willValidate || field.validity.valid);
}

function problemOf(field) {
    const validity = field.validity;
    if (field.type === 'date') {
        if (validity.badInput || validity.valueMissing) {
            return 'Type the whole date: day, month and year.';
        }
        if (validity.rangeUnderflow) {
            return `${field.value} is before the Washington Treaty was signed (${field.min}): there is no picture before it.`;
        }
        if (validity.rangeOverflow) {
            return `${field.value} is in the future: the picture can be read up to today, ${field.max}.`;
        }
    }
    return field.validationMessage;
}

function showProblem(field) {
    const message = problemOf(field);
    const place = document.getElementById(`${field.id}-problem`);
    field.setAttribute('aria-invalid', 'true');
    if (place) {
        place.textContent = message;
        place.hidden = false;
    }
    announce(message);
}

function clearProblem(field) {
    field.removeAttribute('aria-invalid');
    const place = document.getElementById(`${field.id}-problem`);
    if (place && !place.hidden) {
        place.hidden = true;
        place.textContent = '';
    }
}

// The form's visible fields replace theirs in the current address; everything else in it stays (the
// hidden fields carry the same for readers without this script, but may lag a navigation).
function apply(form) {
    const url = new URL(form.getAttribute('action') || location.pathname, document.baseURI);
    const query = new URLSearchParams(location.search);
    for (const field of form.elements) {
        if (!field.name || field.type === 'hidden' || field.type === 'submit' || field.disabled) {
            continue;
        }
        clearProblem(field);
        // What is applied is what the field holds now: leaving it afterwards changes nothing.
        if (valueOnFocus.has(field)) {
            valueOnFocus.set(field, field.value);
        }
        query.delete(field.name);
        if (field.value !== '') {
            query.set(field.name, field.value);
        }
    }
    url.search = query.toString();
    if (!sameView(url.href, location.href)) {
        navigate(url.href, { announceView: true });
    }
}

// ---- Navigating without losing one's place --------------------------------------------------------

function navigate(url, { cells = [], resync = false, announceView = false, replace = false }) {
    const active = document.activeElement;
    restore = {
        url,
        x: window.scrollX,
        y: window.scrollY,
        focus: active && active !== document.body ? selectorFor(active) : null,
        open: Array.from(document.querySelectorAll('details[open][id]'), details => details.id),
        counts: reading ? countsOnScreen() : null,
        cells,
        resync,
        announceView,
    };
    document.documentElement.dataset.navigating = 'true';
    blazor.navigateTo(url, { replaceHistoryEntry: replace });
    if (!reading) {
        // An editor's page changes inside the circuit: done when the page says it shows this view.
        waitForView(restore);
    }
}

function onEnhancedLoad() {
    // Enhanced navigation sets <html>'s attributes to the server's: say again that the stream is followed.
    showLiveState();
    if (restore && shownView() && !sameView(shownView(), restore.url)) {
        // Another navigation (a link followed meanwhile) replaced the page: nothing to put back.
        restore = null;
    }
    settle();
    rememberVisit();
}

function waitForView(expected, started = performance.now()) {
    if (restore !== expected) {
        return;
    }
    if (sameView(shownView(), expected.url) || performance.now() - started > viewTimeoutMs) {
        settle();
        return;
    }
    requestAnimationFrame(() => waitForView(expected, started));
}

function settle() {
    delete document.documentElement.dataset.navigating;
    const done = restore;
    restore = null;
    if (!done) {
        return;
    }

    // Enhanced navigation sets attributes to the server's; a list the reader opened stays open.
    // Reopened first: the page is as tall as before when the scroll position is put back.
    for (const id of done.open) {
        const details = document.getElementById(id);
        if (details instanceof HTMLDetailsElement) {
            details.open = true;
        }
    }
    window.scrollTo(done.x, done.y);
    const element = done.focus && document.querySelector(done.focus);
    if (element && document.activeElement !== element) {
        element.focus({ preventScroll: true });
    }

    // Editors' circuits mark and announce their own changes; readers' pages are told here.
    if (!reading) {
        return;
    }
    for (const cell of done.cells) {
        for (const changed of cellElements(cell)) {
            mark(changed);
        }
    }
    markChangedCounts(done.counts);
    if (done.announceView) {
        announce(document.querySelector('[data-view-summary]')?.dataset.viewSummary);
    } else if (done.cells.length > 0) {
        announce(describe(done.cells));
    } else if (done.resync) {
        announce('Updated with the latest changes.');
    }
}

function shownView() {
    return document.querySelector('[data-view-url]')?.dataset.viewUrl || null;
}

// Two addresses show the same view when their path and parameters match, in any order or encoding.
function sameView(first, second) {
    if (!first || !second) {
        return false;
    }
    const a = new URL(first, document.baseURI);
    const b = new URL(second, document.baseURI);
    const sorted = url => Array.from(url.searchParams.entries()).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).join('&');
    return a.pathname.toLowerCase() === b.pathname.toLowerCase() && sorted(a) === sorted(b);
}

function selectorFor(element) {
    if (element.id) {
        return `#${CSS.escape(element.id)}`;
    }
    if (element.dataset.testid) {
        return `[data-testid="${CSS.escape(element.dataset.testid)}"]`;
    }
    return element.name ? `[name="${CSS.escape(element.name)}"]:not([type="hidden"])` : null;
}

// ---- Live updates (readers) -----------------------------------------------------------------------

// What the page on screen shows: the data version it was rendered at and what it covers
// ("all", "member:HUN", "proposal:ukraine-fund"). Pages that never change have none.
function shown() {
    const element = document.querySelector('[data-live-version]');
    return element ? { version: Number(element.dataset.liveVersion), scope: element.dataset.liveScope } : null;
}

function follow() {
    const page = shown();
    // From the version the page was rendered at, so nothing published meanwhile is missed.
    const source = new EventSource('api/v1/changes/stream' + (page ? `?since=${page.version}` : ''));
    source.addEventListener('open', () => showLiveState('listening'));
    source.addEventListener('error', () => {
        if (source.readyState !== EventSource.CLOSED) {
            showLiveState('reconnecting');
            return;
        }
        // Refused (the server's stream limits answer 503) or gone for good: the browser will not
        // try again by itself. Say so, and follow again later, from the version on screen.
        showLiveState('paused');
        announce('Live updates are paused; this page catches up when they resume.');
        setTimeout(follow, pausedRetryMs + Math.random() * pausedRetryMs / 2);
    });
    source.addEventListener('change', event => heard(JSON.parse(event.data)));
    source.addEventListener('resync', event => heard({ version: JSON.parse(event.data).version, cells: 'all' }));
}

// On <html>, for tests and styles: "listening" while the stream is open, "reconnecting" while not.
function showLiveState(state = liveState) {
    liveState = state;
    if (state) {
        document.documentElement.dataset.live = state;
    }
}

function concerns(scope, cells) {
    if (!scope) {
        return false;
    }
    if (cells === 'all' || scope === 'all') {
        return true;
    }
    const [kind, key] = scope.split(':');
    return cells.some(cell => (kind === 'member' ? cell.member : cell.proposal) === key);
}

function heard(change) {
    const page = shown();
    if (!page || change.version <= page.version || !concerns(page.scope, change.cells)) {
        return;
    }
    if (change.cells === 'all') {
        pendingResync = true;
    } else {
        const [kind, key] = page.scope.split(':');
        pendingCells.push(...change.cells.filter(cell => kind === 'all' || (kind === 'member' ? cell.member : cell.proposal) === key));
    }
    // Several changes in quick succession (an import) make one refresh.
    scheduleRefresh();
}

function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
        // A refresh would put the server's value back into a field the reader is typing in: wait.
        if (isTyping()) {
            scheduleRefresh();
            return;
        }
        const cells = pendingCells.splice(0);
        const resync = pendingResync;
        pendingResync = false;
        navigate(location.href, { cells, resync, replace: true });
    }, refreshAfterMs);
}

function isTyping() {
    const field = document.activeElement;
    return field instanceof HTMLInputElement && isViewField(field) && isChanged(field);
}

function cellElements(cell) {
    const member = CSS.escape(cell.member);
    const proposal = CSS.escape(cell.proposal);
    // A matrix cell is its row's member and its column's proposal; elsewhere a cell names itself.
    return document.querySelectorAll(`[data-cell="${member}:${proposal}"], tr[data-member="${member}"] > td[data-proposal="${proposal}"]`);
}

function countsOnScreen() {
    return new Map(Array.from(document.querySelectorAll('[data-live-count]'), count => [count.dataset.liveCount, count.textContent.trim()]));
}

function markChangedCounts(before) {
    if (!before) {
        return;
    }
    for (const count of document.querySelectorAll('[data-live-count]')) {
        const was = before.get(count.dataset.liveCount);
        if (was !== undefined && was !== count.textContent.trim()) {
            mark(count);
        }
    }
}

function mark(element) {
    element.classList.remove('cell-changed');
    void element.offsetWidth; // Restart the animation if the cell changed again.
    element.classList.add('cell-changed');
    setTimeout(() => element.classList.remove('cell-changed'), highlightForMs);
}

// The same words as the editors' circuits (LiveChangeWording): "1 change: Hungary on … is now Opts out".
function describe(cells) {
    let names = { members: {}, proposals: {}, stances: {} };
    try {
        names = JSON.parse(document.querySelector('script[data-live-names]')?.textContent || '{}');
    } catch {
        // No names on this page: codes will do.
    }
    const parts = cells.map(cell => {
        const stance = cellElements(cell)[0]?.dataset.stance;
        const who = `${names.members?.[cell.member] ?? cell.member} on ${names.proposals?.[cell.proposal] ?? cell.proposal}`;
        return stance ? `${who} is now ${names.stances?.[stance] ?? stance}` : `${who} changed`;
    });
    return `${cells.length} ${cells.length === 1 ? 'change' : 'changes'}: ${parts.join('; ')}`;
}

// The page's one polite live region (LiveRegion.razor). The same words twice in a row are not read
// again by every screen reader: empty it first.
function announce(text) {
    const region = document.getElementById('live-announcer');
    if (!region || !text || !reading) {
        return;
    }
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
}
