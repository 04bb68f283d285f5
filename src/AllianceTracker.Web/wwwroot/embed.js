// The embeddable card (/embed/…): a static page in someone else's frame. It follows the change
// stream and, when a change concerns the card, reads the card again and swaps it in — no circuit.
(function () {
    'use strict';
    const root = document.documentElement;
    let timer = null;

    // What the card shows: the data version it was rendered at and what it covers ("all" or "proposal:slug").
    function shown() {
        const card = document.querySelector('main[data-live-version]');
        return card ? { card, version: Number(card.dataset.liveVersion), scope: card.dataset.liveScope } : null;
    }

    function concerns(scope, cells) {
        return cells === 'all' || scope === 'all' || cells.some(cell => `proposal:${cell.proposal}` === scope);
    }

    // Another instance behind the same address may not have heard of the change yet: try again a little later.
    async function refresh(version, attempt = 0) {
        try {
            const response = await fetch(location.href, { cache: 'no-store', credentials: 'omit' });
            const next = response.ok
                ? new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main[data-live-version]')
                : null;
            const page = shown();
            if (next && page && Number(next.dataset.liveVersion) > page.version) {
                page.card.replaceWith(next);
                root.dataset.updatedTo = next.dataset.liveVersion;
                return;
            }
        } catch {
            // Offline for a moment: the retry below, or the stream's next change, catches up.
        }
        if (attempt < 3 && shown().version < version) {
            setTimeout(() => refresh(version, attempt + 1), 1000 * (attempt + 1));
        }
    }

    function heard(version, cells) {
        const page = shown();
        if (!page || version <= page.version || !concerns(page.scope, cells)) {
            return;
        }
        // Several changes in quick succession (an import) make one refresh.
        clearTimeout(timer);
        timer = setTimeout(() => refresh(version), 150);
    }

    function follow() {
        const page = shown();
        if (!page || typeof EventSource === 'undefined') {
            return;
        }
        const source = new EventSource(`api/v1/changes/stream?since=${page.version}`);
        source.addEventListener('open', () => { root.dataset.live = 'listening'; });
        source.addEventListener('change', event => {
            const change = JSON.parse(event.data);
            heard(change.version, change.cells);
        });
        source.addEventListener('resync', event => heard(JSON.parse(event.data).version, 'all'));
        source.addEventListener('error', () => {
            if (source.readyState !== EventSource.CLOSED) {
                root.dataset.live = 'reconnecting';
                return;
            }
            // Refused (the stream limits answer 503) or gone: follow again later, from the card's version.
            root.dataset.live = 'paused';
            setTimeout(follow, 5000 + Math.random() * 5000);
        });
    }

    follow();
})();
