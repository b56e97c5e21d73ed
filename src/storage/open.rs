//! Opening the database once per page, creating or migrating its stores. The schema only moves
//! forward, one `if old < N` step per version.

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Factory, KeyPath, ObjectStoreParams};

use super::{DB_NAME, SCHEMA_VERSION, StoreError};

thread_local! {
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// Opens (and creates or migrates) the database once per page.
pub async fn db() -> Result<Rc<Database>, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new()?;
    let mut request = factory.open(DB_NAME, Some(SCHEMA_VERSION))?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        let old = event.old_version().unwrap_or(0);
        // Migration path: each step moves the schema from version N to N+1.
        if old < 1 {
            for name in ["summaries", "documents", "images"] {
                let mut params = ObjectStoreParams::new();
                params.key_path(Some(KeyPath::new_single("local_id")));
                let _ = database.create_object_store(name, params);
            }
        }
        if old < 2 {
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("local_id")));
            let _ = database.create_object_store("reports", params);
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("url")));
            let _ = database.create_object_store("resolved", params);
        }
        // (future) if old < 3 { ... }
    });
    let mut database = request.await?;
    // Another tab wants to upgrade the schema: close so it can, then reload to pick it up.
    database.on_version_change(|_| {
        DB.with(|d| {
            if let Some(db) = d.borrow_mut().take() {
                db.close();
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let database = Rc::new(database);
    DB.with(|d| *d.borrow_mut() = Some(database.clone()));
    Ok(database)
}
