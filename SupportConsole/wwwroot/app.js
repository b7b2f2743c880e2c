window.supportConsole = {
    getTheme: () => localStorage.getItem("supportconsole.theme"),
    setTheme: (value) => localStorage.setItem("supportconsole.theme", value),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),

    // Queue and case page shortcuts: one document listener per page, ignoring keys typed into fields and
    // keys with Ctrl/Alt/Meta; the page's [JSInvokable] OnKey decides what a key does. Dispose removes it.
    listenForKeys: (dotNet, keys) => {
        const handler = (e) => {
            if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
            const t = e.target;
            if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
            if (document.querySelector(".mud-dialog-container")) return;
            if (!keys.includes(e.key)) return;
            if (e.key === "Enter" && t && t.closest && t.closest("button, a, [role=button]")) return;
            e.preventDefault();
            dotNet.invokeMethodAsync("OnKey", e.key);
        };
        document.addEventListener("keydown", handler);
        return { dispose: () => document.removeEventListener("keydown", handler) };
    },
    // The app bar's search box: "/" focuses it from anywhere, except while typing in a field or with a dialog open.
    focusSearchOnSlash: (id) => {
        if (window.supportConsoleSearchKey) return;
        window.supportConsoleSearchKey = true;
        document.addEventListener("keydown", (e) => {
            if (e.key !== "/" || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
            const t = e.target;
            if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
            if (document.querySelector(".mud-dialog-container")) return;
            const box = document.getElementById(id);
            if (!box) return;
            e.preventDefault();
            box.focus();
            box.select();
        });
    },
    scrollRowIntoView: (id) => {
        const row = document.getElementById(id);
        if (row) row.scrollIntoView({ block: "nearest" });
    },
    ensureRowVisible: (scrollerId, index, rowHeight) => {
        const el = document.getElementById(scrollerId);
        if (!el) return;
        const top = index * rowHeight;
        if (top < el.scrollTop) el.scrollTop = top;
        else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
        el.scrollIntoView({ block: "nearest" });
    },
    // Ctrl+<key> anywhere on the page (also while typing the reply) clicks the given button, unless a dialog is open:
    // Ctrl+M opens the macro picker. Registered once per key; the button is looked up at each press.
    clickOnCtrlKey: (key, buttonId) => {
        window.supportConsoleCtrlKeys = window.supportConsoleCtrlKeys || {};
        window.supportConsoleCtrlKeys[key] = buttonId;
        if (window.supportConsoleCtrlKeysBound) return;
        window.supportConsoleCtrlKeysBound = true;
        document.addEventListener("keydown", (e) => {
            if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.isComposing) return;
            const id = window.supportConsoleCtrlKeys[(e.key || "").toLowerCase()];
            if (!id || document.querySelector(".mud-dialog-container .mud-dialog")) return;
            const button = document.getElementById(id);
            if (!button || button.disabled) return;
            e.preventDefault();
            const active = document.activeElement;
            if (active && active.tagName === "TEXTAREA") active.dispatchEvent(new Event("change", { bubbles: true }));
            setTimeout(() => button.click(), 30);
        }, true); // capture: text fields that stop the key event still let the shortcut through
    },
    // Focus after the current frame: a dialog's focus trap puts focus on its own first, then this wins.
    focusElementSoon: (id) => {
        setTimeout(() => document.getElementById(id)?.focus(), 60);
    },
    focusElement: (id) => {
        const el = document.getElementById(id);
        if (el) { el.focus(); }
    },
    // Ctrl+Enter in a text box clicks the given button (reply / note).
    submitOnCtrlEnter: (fieldId, buttonId) => {
        const field = document.getElementById(fieldId);
        if (!field || field.dataset.ctrlEnter) return;
        field.dataset.ctrlEnter = "1";
        field.addEventListener("keydown", (e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                field.dispatchEvent(new Event("change", { bubbles: true }));
                setTimeout(() => document.getElementById(buttonId)?.click(), 50);
            }
        });
    },
    getSound: () => localStorage.getItem("supportconsole.sound") === "on",
    setSound: (on) => localStorage.setItem("supportconsole.sound", on ? "on" : "off"),
    beep: () => {
        try {
            const ctx = new (window.AudioContext || window.webkitAudioContext)();
            const osc = ctx.createOscillator();
            const gain = ctx.createGain();
            osc.frequency.value = 880;
            gain.gain.setValueAtTime(0.08, ctx.currentTime);
            gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.25);
            osc.connect(gain).connect(ctx.destination);
            osc.start();
            osc.stop(ctx.currentTime + 0.25);
            osc.onended = () => ctx.close();
        } catch { /* no audio: the highlight is enough */ }
    },
};

// The booking page shows times in the visitor's own zone: on the first visit it asks the browser and reloads with ?tz=.
document.addEventListener("DOMContentLoaded", () => {
    const page = document.querySelector("[data-detect-time-zone='true']");
    if (!page) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const url = new URL(window.location.href);
    url.searchParams.set("tz", zone);
    window.location.replace(url.toString());
});
