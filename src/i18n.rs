//! The interface's language in the browser (issue 14.3): which one the reader gets, how it is
//! remembered, and the menu that changes it. The words themselves are in `wallet_i18n`.
//!
//! The language is the one chosen in the menu (remembered in localStorage), else the first of
//! the browser's languages the wallet speaks, else English. `<html lang>` always names it, so
//! screen readers pronounce the page right and the browser hyphenates and spell-checks in it.
//!
//! Views read the language untracked (`t!`): a change re-renders the whole page from its root
//! (`Localized`), so no component has to subscribe to it, and the wallet's state (the signals of
//! `crate::wallet::Wallet`, provided above the root) is kept.

use std::cell::Cell;

use leptos::prelude::*;
pub use wallet_i18n::Lang;

/// Where the chosen language is remembered.
const STORAGE_KEY: &str = "wallet-language";

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static ENGLISH_TITLE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// The interface's language now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// An OB 3.0 `achievementType` in the interface's language (the spec's terms translated, the
/// issuer's own terms as written: `wallet_i18n::vocab`).
pub fn kind_label(raw: &str) -> String {
    wallet_i18n::vocab::achievement_type(lang(), raw)
}

/// `t!("id")` or `t!("id", name = value, …)`: the message `id` in the interface's language.
/// The id must be a literal (i18n/tests/catalogue.rs checks every call site).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        wallet_i18n::msg!($crate::i18n::lang(), $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        wallet_i18n::msg!($crate::i18n::lang(), $id, $($name = $value),+)
    };
}

/// The language remembered, else the browser's.
fn initial() -> Lang {
    use gloo_storage::Storage;
    if let Ok(tag) = gloo_storage::LocalStorage::get::<String>(STORAGE_KEY)
        && let Some(lang) = Lang::from_tag(&tag)
    {
        return lang;
    }
    let languages: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::negotiate(languages.iter().map(String::as_str))
}

fn apply(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    // The page's own title (index.html's) in English; the app's name in another language.
    let english = ENGLISH_TITLE.with(|t| t.get_or_init(|| document.title()).clone());
    document.set_title(&match lang {
        Lang::En => english,
        _ => t!("app-name"),
    });
}

/// The chosen language as a signal; a change re-renders the page (`Localized`).
#[derive(Clone, Copy)]
pub struct Language(RwSignal<Lang>);

impl Language {
    /// Picks the language and provides it; call once, before anything is rendered.
    pub fn provide() -> Language {
        let lang = initial();
        apply(lang);
        let language = Language(RwSignal::new(lang));
        provide_context(language);
        language
    }

    /// Changes the language and remembers it.
    pub fn set(self, lang: Lang) {
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::set(STORAGE_KEY, lang.tag());
        apply(lang);
        self.0.set(lang);
    }
}

/// `children` rendered anew in each language chosen.
#[component]
pub fn Localized(children: ChildrenFn) -> impl IntoView {
    let language = expect_context::<Language>();
    move || {
        language.0.track();
        children()
    }
}

/// The language menu of the top bar: each language by its own name.
#[component]
pub fn LanguageMenu() -> impl IntoView {
    let language = expect_context::<Language>();
    let current = lang();
    let change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            language.set(lang);
        }
    };
    view! {
        <label class="language">
            <span class="visually-hidden">{t!("language-label")}</span>
            <select data-testid="language" on:change=change>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=l == current>
                                {l.autonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
