//! Entry point of the web app: installs the panic hook and starts the app; nothing else lives here.

fn main() {
    // The page replaces this hook with one that also shows a crash report (`ui::start`); a
    // worker keeps it.
    console_error_panic_hook::set_once();
    redline::ui::start();
}
