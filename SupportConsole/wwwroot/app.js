window.supportConsole = {
    getTheme: () => localStorage.getItem("supportconsole.theme"),
    setTheme: (value) => localStorage.setItem("supportconsole.theme", value),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
};
