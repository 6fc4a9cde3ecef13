//! Background: long comparisons and link encodings run in a web worker, so the page stays responsive.
//!
//! The worker (assets/worker.js) loads this same wasm module, already in the browser's cache,
//! and answers through [`redline_worker_handle`]. Each kind of job has its own worker; a new job
//! of a kind that is still running terminates the stale run (the only way to stop wasm that is
//! busy) and starts afresh. A worker that fails (a panic in the engine traps its instance) is
//! dropped and reported, and the page goes on.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use redline_engine::formats::share::{self, History};
use redline_engine::{Options, compare_with_options, history};

/// What a worker is asked to do.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Compare two texts; answers with the comparison as JSON.
    Compare {
        original: String,
        reworked: String,
        options: Options,
    },
    /// Encode the drafts as a share fragment; answers with the fragment.
    Encode(History),
    /// Compare each version of a history with the next; answers with the
    /// [`HistorySummary`](history::HistorySummary) as JSON.
    Summarize {
        texts: Vec<String>,
        options: Options,
    },
}

/// The kinds of job; each has a worker of its own.
#[derive(Clone, Copy)]
pub enum Job {
    Compare = 0,
    Encode = 1,
    Summarize = 2,
}

impl Request {
    fn job(&self) -> Job {
        match self {
            Request::Compare { .. } => Job::Compare,
            Request::Encode(_) => Job::Encode,
            Request::Summarize { .. } => Job::Summarize,
        }
    }
}

/// Stops the job of this kind if one is running (its answer is never delivered).
pub fn cancel(job: Job) {
    WORKERS.with_borrow_mut(|workers| {
        let slot = &mut workers[job as usize];
        if slot.as_ref().is_some_and(|running| running.job.is_some())
            && let Some(stale) = slot.take()
        {
            stale.worker.terminate();
        }
    });
}

/// Starts the worker of this kind ahead of its first job, if none is running. A worker takes
/// some 100 ms to load the wasm module before it can answer, which a first long comparison
/// would otherwise wait for; a worker started this way waits idle for its first job.
pub fn warm(job: Job) {
    WORKERS.with_borrow_mut(|workers| {
        let slot = &mut workers[job as usize];
        if slot.is_none() {
            // A browser that cannot start one compares on the page, as `run`'s callers do.
            *slot = spawn(job as usize).ok();
        }
    });
}

/// Runs one request inside the worker. Exported to assets/worker.js; the page never calls it.
#[wasm_bindgen]
pub fn redline_worker_handle(request: &str) -> Result<String, String> {
    let request: Request = serde_json::from_str(request).map_err(|err| err.to_string())?;
    Ok(match request {
        Request::Compare {
            original,
            reworked,
            options,
        } => {
            let comparison = compare_with_options(&original, &reworked, &options);
            serde_json::to_string(&comparison).map_err(|err| err.to_string())?
        }
        Request::Encode(drafts) => share::encode_any(&drafts),
        Request::Summarize { texts, options } => {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            // The worker lives on between jobs (until a newer job cancels a running one), so it
            // remembers the steps it compared, as the page does.
            let summary =
                SUMMARIZER.with_borrow_mut(|summarizer| summarizer.summarize(&texts, &options));
            serde_json::to_string(&summary).map_err(|err| err.to_string())?
        }
    })
}

/// What to call with a job's answer.
type Done = Box<dyn FnOnce(Result<String, String>)>;

/// A running worker of one kind and the job it is doing.
struct Running {
    worker: web_sys::Worker,
    /// Kept alive as long as the worker: the worker calls them.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    /// The job in flight, if any, and what to call with its answer.
    job: Option<(u32, Done)>,
}

thread_local! {
    /// Inside a worker: the steps of the history it summarized last.
    static SUMMARIZER: RefCell<history::Summarizer> = RefCell::new(history::Summarizer::default());
    static WORKERS: RefCell<[Option<Running>; 3]> = const { RefCell::new([None, None, None]) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
}

/// Hands `request` to the worker of its kind and calls `done` with the answer later; a job of
/// the same kind still running is cancelled (its `done` is never called). Fails at once when
/// the browser cannot start a worker; the caller then does the work itself.
pub fn run(
    request: &Request,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Result<(), String> {
    let job = request.job();
    let kind = job as usize;
    let id = NEXT_ID.with_borrow_mut(|next| {
        *next += 1;
        *next
    });
    let message = serde_json::to_string(request).map_err(|err| err.to_string())?;
    // Busy with a stale job: wasm cannot be interrupted, so the worker goes.
    cancel(job);
    WORKERS.with_borrow_mut(|workers| {
        if workers[kind].is_none() {
            workers[kind] = Some(spawn(kind)?);
        }
        let running = workers[kind].as_mut().expect("spawned above");
        let envelope = web_sys::js_sys::Object::new();
        set(&envelope, "id", &JsValue::from(id));
        set(&envelope, "request", &JsValue::from_str(&message));
        running
            .worker
            .post_message(&envelope)
            .map_err(|_| "the worker refused the job".to_owned())?;
        running.job = Some((id, Box::new(done)));
        Ok(())
    })
}

fn set(object: &web_sys::js_sys::Object, key: &str, value: &JsValue) {
    web_sys::js_sys::Reflect::set(object, &JsValue::from_str(key), value).ok();
}

fn get(object: &JsValue, key: &str) -> JsValue {
    web_sys::js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Takes the job of worker `kind` if it is the one with `id` (any job when `id` is `None`),
/// dropping the worker when it failed.
fn finish(kind: usize, id: Option<u32>, answer: Result<String, String>) {
    let done = WORKERS.with_borrow_mut(|workers| {
        let running = workers[kind].as_mut()?;
        let current = running.job.as_ref().map(|(job_id, _)| *job_id)?;
        if id.is_some_and(|id| id != current) {
            return None;
        }
        let (_, done) = running.job.take()?;
        if answer.is_err()
            && let Some(failed) = workers[kind].take()
        {
            failed.worker.terminate();
        }
        Some(done)
    });
    // Called outside the borrow: `done` may start the next job.
    if let Some(done) = done {
        done(answer);
    }
}

/// Starts a worker of `kind` on the page's own glue and wasm files (named by the loader's
/// script tag).
fn spawn(kind: usize) -> Result<Running, String> {
    let document = leptos::prelude::document();
    let script = document
        .query_selector("script[data-redline-js]")
        .ok()
        .flatten()
        .ok_or("the page has no loader script")?;
    let (js, wasm) = (
        script.get_attribute("data-redline-js").unwrap_or_default(),
        script
            .get_attribute("data-redline-wasm")
            .unwrap_or_default(),
    );
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let absolute = |path: &str| {
        web_sys::Url::new_with_base(path, &base)
            .map(|url| url.href())
            .unwrap_or_default()
    };
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&absolute("worker.js"), &options)
        .map_err(|_| "the browser could not start a worker".to_owned())?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let id = get(&data, "id").as_f64().map(|id| id as u32);
            let answer = match get(&data, "response").as_string() {
                Some(response) => Ok(response),
                None => Err(get(&data, "error")
                    .as_string()
                    .unwrap_or_else(|| "no answer".to_owned())),
            };
            finish(kind, id, answer);
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        finish(kind, None, Err("the worker stopped".to_owned()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = web_sys::js_sys::Object::new();
    set(&init, "js", &JsValue::from_str(&absolute(&js)));
    set(&init, "wasm", &JsValue::from_str(&absolute(&wasm)));
    let envelope = web_sys::js_sys::Object::new();
    set(&envelope, "init", &init);
    worker
        .post_message(&envelope)
        .map_err(|_| "the worker refused to start".to_owned())?;
    Ok(Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
        job: None,
    })
}
