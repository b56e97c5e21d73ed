//! The images of an import batch: each credential's own (embedded, or the baked file itself),
//! else its remote image fetched once per URL for the whole batch, with why one is missing.

use std::collections::BTreeMap;

use wallet_core::image::{ImageSource, image_source};

use super::Found;
use crate::{browser, images};

/// The image stored with a credential, from what the import already holds: its embedded
/// `data:` image, else the baked file itself. Decided from the bytes (`images::for_storage`).
async fn local_image(found: &Found) -> Option<(String, Vec<u8>)> {
    if let Some(ImageSource::Embedded(bytes)) = found.credential.image.as_deref().map(image_source)
        && let Some(image) = images::for_storage(&bytes).await
    {
        return Some(image);
    }
    images::for_storage(found.file_image.as_deref()?).await
}

/// The credential's remote image URL, when it has one.
fn remote_image(found: &Found) -> Option<String> {
    match image_source(found.credential.image.as_deref()?) {
        ImageSource::Remote(url) => Some(url),
        _ => None,
    }
}

/// Images for the credentials of a batch: local ones first; the remote ones are fetched now,
/// once per URL and all together (bounded: 10 MB, 10 s each), because the learner asked to
/// import from that issuer. Afterwards no view fetches them again unless the learner asks.
/// Returns, per credential, the image (or `None`) and why a remote image is missing.
pub(super) async fn batch_images(
    found: &[Found],
) -> Vec<(Option<(String, Vec<u8>)>, Option<String>)> {
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        out.push((local_image(f).await, None));
    }
    let mut urls: Vec<String> = found
        .iter()
        .zip(&out)
        .filter(|(_, (image, _))| image.is_none())
        .filter_map(|(f, _)| remote_image(f))
        .collect();
    urls.sort();
    urls.dedup();
    let fetched =
        futures_util::future::join_all(urls.iter().map(|u| browser::fetch_image(u))).await;
    let mut by_url = BTreeMap::new();
    for (url, result) in urls.into_iter().zip(fetched) {
        let image = match result {
            Ok(bytes) => images::for_storage(&bytes)
                .await
                .ok_or_else(|| t!("import-image-not-an-image")),
            Err(e) => Err(e.reason()),
        };
        by_url.insert(url, image);
    }
    for (f, slot) in found.iter().zip(out.iter_mut()) {
        if slot.0.is_some() {
            continue;
        }
        if let Some(result) = remote_image(f).and_then(|u| by_url.get(&u).map(|r| (u, r))) {
            match result {
                (_, Ok(image)) => slot.0 = Some(image.clone()),
                (url, Err(why)) => {
                    let host = wallet_core::image::url_host(&url).unwrap_or(url);
                    slot.1 = Some(t!("import-image-not-loaded", host = &host, reason = why));
                }
            }
        }
    }
    out
}
