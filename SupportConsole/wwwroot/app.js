window.supportConsole = {
    getTheme: () => localStorage.getItem("supportconsole.theme"),
    setTheme: (value) => localStorage.setItem("supportconsole.theme", value),
    markInteractive: () => document.body.setAttribute("data-interactive", "true"),
};
