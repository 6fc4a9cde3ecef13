//! `use_theme`: light or dark as the reader picked (remembered in this browser), else as the system says.

use leptos::prelude::*;

use crate::ui::browser;

/// What [`use_theme`] returns.
#[derive(Clone, Copy)]
pub struct UseThemeReturn {
    /// `"light"`, `"dark"`, or empty for the system's.
    pub theme: RwSignal<String>,
    /// Goes to the next theme: system, light, dark, and round again.
    pub next: Callback<()>,
}

/// The theme is kept in localStorage (a refusal only means the choice is not remembered) and
/// applied as the root
/// element's `data-theme`, which style/main.css reads; without it, the stylesheet follows
/// `prefers-color-scheme`.
pub fn use_theme() -> UseThemeReturn {
    let theme = RwSignal::new(browser::load_setting(browser::THEME_KEY));
    Effect::new(move |_| {
        theme.with(|theme| {
            browser::set_theme_attribute(theme);
            browser::save_setting(browser::THEME_KEY, theme)
        })
    });
    let next = Callback::new(move |()| {
        theme.update(|theme| {
            *theme = match theme.as_str() {
                "" => "light",
                "light" => "dark",
                _ => "",
            }
            .to_owned()
        })
    });
    UseThemeReturn { theme, next }
}
