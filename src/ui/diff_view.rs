//! DiffView: renders a comparison's blocks inline, side by side or as changes only, the changed headline called out where it stands.

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use super::browser;
use redline_engine::formats::share::View;
use redline_engine::{
    Block, BlockKind, ChangeMark, Comparison, FactKind, Layout, Reconciliation, Segment,
    SegmentKind,
};

/// Blocks drawn per step of a long diff (see `visible_chunks` in [`DiffView`]).
const CHUNK_BLOCKS: usize = 150;

/// Which side of a comparison a side-by-side cell shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Original,
    Reworked,
}

/// How every segment is drawn: shared by the three views.
#[derive(Clone, Copy)]
struct Marks {
    show_cosmetic: RwSignal<bool>,
    /// Whether a change number is the current one (one subscription per change, not one
    /// re-render of every change when the current one moves).
    is_current: StoredValue<Selector<Option<usize>>, LocalStorage>,
    /// Where each change starts, to put its badges there.
    change_marks: Memo<Vec<ChangeMark>>,
    comparison: Signal<Comparison>,
    reconciliation: Memo<Reconciliation>,
}

/// What the badges of one change say, packed into a number: bit `kind as usize` for each kind
/// of fact the change alters, then [`EXPLAINED`] and [`OF_NOTE`] for how the note check reads
/// it.
type BadgeBits = usize;
const EXPLAINED: BadgeBits = 1 << 12;
const OF_NOTE: BadgeBits = 1 << 13;

/// The kinds of fact change `change` alters (the facts are in change order, so its own are
/// found by halving).
fn fact_bits(comparison: &Comparison, change: usize) -> BadgeBits {
    let first = comparison
        .facts
        .partition_point(|fact| fact.change < change);
    comparison.facts[first..]
        .iter()
        .take_while(|fact| fact.change == change)
        .fold(0, |bits, fact| bits | 1 << fact.kind as usize)
}

/// How the note check reads change `change`.
fn note_bits(checked: &Reconciliation, change: usize) -> BadgeBits {
    let explained = checked.explained.get(change).copied().unwrap_or(false);
    let of_note = checked.note_parts.get(change).copied().flatten().is_some();
    usize::from(explained) * EXPLAINED + usize::from(of_note) * OF_NOTE
}

impl Marks {
    /// Whether change `change` is the current one, as a reactive closure for `class:`.
    fn is_current_fn(self, change: Option<usize>) -> impl Fn() -> bool + Copy + 'static {
        let is_current = self.is_current;
        move || change.is_some() && is_current.with_value(|selector| selector.selected(&change))
    }

    /// The badges of the change that starts at this segment: the facts it alters, and whether
    /// the note explains it.
    fn badges(
        self,
        block_idx: usize,
        segment_idx: usize,
        segment: &Segment,
        block: &Block,
    ) -> Option<AnyView> {
        let change = segment.change.or(block.change)?;
        let starts_here = self.change_marks.with_untracked(|marks| {
            marks
                .get(change)
                .is_some_and(|mark| mark.block == block_idx && mark.segment == segment_idx)
        });
        if !starts_here || segment.cosmetic {
            return None;
        }
        // The kinds of fact are drawn once (the block's key holds them, see `keyed_blocks`); how
        // the note reads the change has a memo of its own, so a new comparison or note redraws
        // only the badges it changes.
        let kinds_bits = self
            .comparison
            .with_untracked(|comparison| fact_bits(comparison, change));
        let reconciliation = self.reconciliation;
        let read = Memo::new(move |_| reconciliation.with(|checked| note_bits(checked, change)));
        let current = self.is_current_fn(Some(change));
        let badges = move || {
            let bits = kinds_bits | read.get();
            let (explained, of_note) = (bits & EXPLAINED != 0, bits & OF_NOTE != 0);
            let kinds: Vec<FactKind> = FactKind::ALL
                .into_iter()
                .filter(|kind| bits & (1 << *kind as usize) != 0)
                .collect();
            let words = kinds
                .iter()
                .map(|kind| kind.label())
                .collect::<Vec<_>>()
                .join(", ");
            let note = if of_note {
                "part of the note"
            } else if explained {
                "in the note"
            } else {
                "not in the note"
            };
            let label = if words.is_empty() {
                format!("Change {}: {note}", change + 1)
            } else {
                format!("Change {}: {words} changed, {note}", change + 1)
            };
            view! {
                <span class="change-badges" class:badge-explained=explained class:badges-current=current title=label.clone()>
                    // Read out once as a sentence; the pills are for the eye.
                    <span class="visually-hidden">{format!("({label}) ")}</span>
                    <span class="badge-pills" aria-hidden="true">
                        {kinds
                            .into_iter()
                            .map(|kind| view! { <span class=format!("fact-badge fact-{}", kind.label())>{kind.label()}</span> })
                            .collect_view()}
                        <span class="note-badge">{if of_note { "the note" } else if explained { "✓ note" } else { "not in note" }}</span>
                    </span>
                </span>
            }
        };
        Some(badges.into_any())
    }

    fn segment(self, segment: &Segment) -> AnyView {
        let text = segment.text.clone();
        let change = segment.change;
        let current = self.is_current_fn(change);
        let show_cosmetic = self.show_cosmetic;
        // Screen readers do not announce <del> and <ins>; the visually hidden words do, and
        // copying the text leaves them out (they are CSS content, not text).
        match (segment.kind, segment.cosmetic) {
            // Unchanged text needs no element of its own: a text node is the cheapest thing to
            // draw, and a long diff is mostly unchanged text.
            (SegmentKind::Equal, _) => text.into_any(),
            (SegmentKind::Delete, true) => view! {
                <del class="diff-cosmetic" hidden=move || !show_cosmetic.get()>{text}</del>
            }
            .into_any(),
            (SegmentKind::Insert, true) => view! {
                <ins class="diff-cosmetic" class:diff-cosmetic-hidden=move || !show_cosmetic.get()>{text}</ins>
            }
            .into_any(),
            (SegmentKind::Delete, false) => view! {
                <del data-change=change.map(|n| n.to_string()) class:diff-current=current>{text}</del>
            }
            .into_any(),
            (SegmentKind::Insert, false) => view! {
                <ins data-change=change.map(|n| n.to_string()) class:diff-current=current>{text}</ins>
            }
            .into_any(),
        }
    }

    /// The segments of a block that one side shows (all of them for `None`), with the badges
    /// of the changes that start there (on the reworked side only, side by side).
    fn segments(self, block_idx: usize, block: &Block, side: Option<Side>) -> AnyView {
        block
            .segments
            .iter()
            .enumerate()
            .filter(|(_, segment)| match (side, segment.kind) {
                (None, _) | (_, SegmentKind::Equal) => true,
                (Some(Side::Original), kind) => kind == SegmentKind::Delete,
                (Some(Side::Reworked), kind) => kind == SegmentKind::Insert,
            })
            .map(|(segment_idx, segment)| {
                let badges = (side != Some(Side::Original))
                    .then(|| self.badges(block_idx, segment_idx, segment, block))
                    .flatten();
                // Inline, a split or join is marked once, at the first segment of its change.
                let follows_its_deletion = side.is_none()
                    && segment.kind == SegmentKind::Insert
                    && segment_idx
                        .checked_sub(1)
                        .is_some_and(|before| block.segments[before].layout.is_some());
                let layout = segment
                    .layout
                    .filter(|_| !follows_its_deletion)
                    .map(layout_mark);
                // Side by side, the original column reads as the original: its changed
                // spacing and line breaks are its own text, not hidden cosmetic marks.
                let segment = if side == Some(Side::Original) && segment.cosmetic {
                    segment.text.clone().into_any()
                } else {
                    self.segment(segment)
                };
                view! { {badges} {layout} {segment} }
            })
            .collect_view()
            .into_any()
    }

    /// Whether block `block_idx` holds a changed headline, and whether it is the first that
    /// does (which carries the label). The headline is called out in place, once: drawn a
    /// second time above the diff, it read as two paragraphs.
    fn headline(self, block_idx: usize) -> (bool, bool) {
        self.comparison
            .with_untracked(|comparison| headline_flags(comparison, block_idx))
    }

    /// A whole block, one column: the inline view and changes only.
    fn inline_block(self, block_idx: usize, block: &Block) -> AnyView {
        let change = block.change;
        let current = self.is_current_fn(change);
        let (headline, first_of_headline) = self.headline(block_idx);
        view! {
            <div
                class=format!("diff-block diff-block-{}", block_class(block.kind))
                class:diff-block-note=block.note
                class:diff-block-headline=headline
                class:diff-current=current
                data-change=change.map(|n| n.to_string())
                data-testid=headline.then_some("diff-headline")
                id=move_anchor(block)
                dir=block.direction(None)
            >
                {first_of_headline.then(headline_label)}
                {move_label(block)}
                {note_label(block)}
                {self.segments(block_idx, block, None)}
            </div>
        }
        .into_any()
    }

    /// A block as a row of two cells: original left, reworked right.
    fn row(self, block_idx: usize, block: &Block) -> AnyView {
        let change = block.change;
        let current = self.is_current_fn(change);
        let (headline, first_of_headline) = self.headline(block_idx);
        let cell = |side: Side| {
            // A paragraph only in one version leaves the other side's cell empty.
            let shows = !matches!(
                (block.kind, side),
                (BlockKind::Inserted | BlockKind::MovedTo, Side::Original)
                    | (BlockKind::Deleted | BlockKind::MovedFrom, Side::Reworked)
            );
            let class = match side {
                Side::Original => "sbs-cell sbs-original",
                Side::Reworked => "sbs-cell sbs-reworked",
            };
            let direction = block.direction(Some(match side {
                Side::Original => SegmentKind::Delete,
                Side::Reworked => SegmentKind::Insert,
            }));
            view! {
                <div class=class dir=direction>
                    {shows.then(|| view! {
                        {(first_of_headline && side == Side::Original).then(headline_label)}
                        {move_label(block)} {note_label(block)} {self.segments(block_idx, block, Some(side))}
                    })}
                </div>
            }
        };
        view! {
            <div
                class=format!("sbs-row diff-block-{}", block_class(block.kind))
                class:diff-block-note=block.note
                class:diff-block-headline=headline
                data-testid=headline.then_some("diff-headline")
                class:diff-current=current
                data-change=change.map(|n| n.to_string())
                id=move_anchor(block)
            >
                {cell(Side::Original)}
                {cell(Side::Reworked)}
            </div>
        }
        .into_any()
    }
}

/// The mark where a paragraph was split in two or two were joined: always shown, since the
/// words around it are unchanged and the layout change is all there is to see.
fn layout_mark(layout: Layout) -> AnyView {
    let (label, title) = match layout {
        Layout::Split => ("split", "The reworked version splits the paragraph here"),
        Layout::Join => ("joined", "The reworked version joins two paragraphs here"),
    };
    view! {
        <span class="diff-layout" data-layout=label title=title>
            <span aria-hidden="true">{format!("¶ {label}")}</span>
            <span class="visually-hidden">{format!("({title}) ")}</span>
        </span>
    }
    .into_any()
}

/// The word-level diff of the original and the reworked text, in the chosen view.
#[component]
pub fn DiffView(
    /// The comparison to show.
    #[prop(into)]
    comparison: Signal<Comparison>,
    /// Where each change starts.
    marks: Memo<Vec<ChangeMark>>,
    /// The note checked against the changes, for the badges.
    reconciliation: Memo<Reconciliation>,
    /// Inline, side by side, or changes only.
    view: RwSignal<View>,
    /// The change in focus, if any.
    current: RwSignal<Option<usize>>,
    /// Whether cosmetic changes are shown.
    show_cosmetic: RwSignal<bool>,
    /// Whether every change's labels are shown in the text; otherwise only the current
    /// change's, above it (screen readers hear them all either way).
    show_labels: RwSignal<bool>,
) -> impl IntoView {
    let change_marks = marks;
    let marks = Marks {
        show_cosmetic,
        is_current: StoredValue::new_local(Selector::new(move || current.get())),
        change_marks,
        comparison,
        reconciliation,
    };
    // Folded runs of unchanged paragraphs that the reader opened, by their first block; a new
    // comparison starts folded again.
    let expanded = RwSignal::new(HashSet::<usize>::new());
    Effect::new(move |_| {
        comparison.track();
        expanded.set(HashSet::new());
    });

    // A long diff is drawn in chunks of blocks, one chunk per task, so the page shows the top
    // of the diff at once and stays responsive while the rest is drawn. Going to a change
    // draws every chunk up to it first, so navigation stays exact.
    let visible_chunks = RwSignal::new(1_usize);
    Effect::new(move |_| {
        view.track();
        visible_chunks.set(1);
    });
    // A new text starts from the top again; an edit of the text shown keeps every chunk
    // drawn, so the blocks it did not touch keep their drawing (see `keyed_chunks`). A
    // comparison whose number of blocks changes by more than a tenth is taken for a new text.
    let n_blocks_shown = StoredValue::new(0_usize);
    Effect::new(move |_| {
        let n_blocks = comparison.with(|comparison| comparison.blocks.len());
        let before = n_blocks_shown.get_value();
        n_blocks_shown.set_value(n_blocks);
        if n_blocks.abs_diff(before) > (before / 10).max(CHUNK_BLOCKS / 10) {
            visible_chunks.set(1);
        }
    });
    Effect::new(move |_| {
        let drawn = visible_chunks.get();
        let n_chunks =
            comparison.with(|comparison| comparison.article_blocks().len().div_ceil(CHUNK_BLOCKS));
        if drawn < n_chunks {
            set_timeout(
                move || visible_chunks.update(|visible| *visible = (*visible).max(drawn + 1)),
                Duration::ZERO,
            );
        }
    });
    Effect::new(move |_| {
        let Some(change) = current.get() else {
            return;
        };
        let block = change_marks.with(|marks| marks.get(change).map(|mark| mark.block));
        if let Some(block) = block {
            // Chunks count from the article's first block; the frame is drawn apart.
            let first = comparison.with_untracked(|comparison| comparison.article_blocks().start);
            let needed = block.saturating_sub(first) / CHUNK_BLOCKS + 1;
            if visible_chunks.get_untracked() < needed {
                visible_chunks.set(needed);
            }
        }
    });
    // The article's blocks in chunks, each block keyed by what it shows and where the view
    // marks it: a new comparison after an edit draws only the blocks whose key is new, and
    // keeps the drawing of the rest, wherever they moved.
    let n_chunks = Memo::new(move |_| {
        comparison.with(|comparison| comparison.article_blocks().len().div_ceil(CHUNK_BLOCKS))
    });
    let keyed_chunks = move |draw: fn(Marks, usize, &Block) -> AnyView| {
        // The chunks are drawn anew only when their number changes, which an edit rarely does.
        move || {
            (0..n_chunks.get())
                .map(|chunk| {
                    view! {
                        <Show when=move || { chunk < visible_chunks.get() }>
                            <For
                                each=move || {
                                    comparison.with(|comparison| {
                                        change_marks.with(|change_marks| {
                                            keyed_blocks(comparison, change_marks, chunk)
                                        })
                                    })
                                }
                                key=|(key, _)| *key
                                children=move |(_, idx)| {
                                    comparison.with_untracked(|comparison| {
                                        comparison.blocks.get(idx).map(|block| draw(marks, idx, block))
                                    })
                                }
                            />
                        </Show>
                    }
                })
                .collect_view()
        }
    };

    // Changes only: runs of unchanged paragraphs folded, drawn anew with each comparison.
    let changes_only = move |comparison: &Comparison| {
        comparison
            .sections(0, 1)
            .into_iter()
            .map(|section| {
                let blocks = &comparison.blocks[section.blocks.clone()];
                let first = section.blocks.start;
                if section.unchanged && !expanded.with(|open| open.contains(&first)) {
                    let n_paragraphs: usize = if comparison.coarse {
                        blocks.iter().map(Block::n_lines).sum()
                    } else {
                        blocks.len()
                    };
                    let label = if n_paragraphs == 1 {
                        "… 1 unchanged paragraph".to_owned()
                    } else {
                        format!("… {n_paragraphs} unchanged paragraphs")
                    };
                    view! {
                        <button
                            type="button"
                            class="fold"
                            data-testid="diff-fold"
                            aria-expanded="false"
                            on:click=move |_| expanded.update(|open| { open.insert(first); })
                        >
                            {label}
                        </button>
                    }
                    .into_any()
                } else {
                    blocks
                        .iter()
                        .enumerate()
                        .map(|(idx, block)| marks.inline_block(first + idx, block))
                        .collect_view()
                        .into_any()
                }
            })
            .collect_view()
            .into_any()
    };
    // When a version is a whole page, the page around the article (above it and below it) is
    // folded away: its blocks carry no change numbers, and are drawn only when opened.
    let frames_open = RwSignal::new([false, false]);
    let comparison_signal = comparison;
    let frame =
        move |comparison: &Comparison, below: bool, draw: fn(Marks, usize, &Block) -> AnyView| {
            let article = comparison.article_blocks();
            let blocks = if below {
                article.end..comparison.blocks.len()
            } else {
                0..article.start
            };
            if blocks.is_empty() {
                return None;
            }
            let changed = comparison.blocks[blocks.clone()].iter().any(|block| {
                block
                    .segments
                    .iter()
                    .any(|segment| segment.kind != SegmentKind::Equal)
            });
            let n_blocks = blocks.len();
            let label = format!(
                "{} · {n_blocks} {} {}",
                if below {
                    "The page below the article (share buttons, teasers, footer)"
                } else {
                    "The page above the article (site name, menus)"
                },
                if n_blocks == 1 {
                    "paragraph"
                } else {
                    "paragraphs"
                },
                if changed {
                    "with differences, not numbered or counted"
                } else {
                    "unchanged"
                },
            );
            let side = usize::from(below);
            let is_open = move || frames_open.with(|open| open[side]);
            Some(view! {
                <div class="page-frame" data-testid="diff-frame">
                    <button
                        type="button"
                        class="fold frame-fold"
                        aria-expanded=move || is_open().to_string()
                        on:click=move |_| frames_open.update(|open| open[side] = !open[side])
                    >
                        {label}
                    </button>
                    <Show when=is_open>
                        {
                            let blocks = blocks.clone();
                            move || {
                                comparison_signal.with_untracked(|comparison| {
                                    comparison.blocks[blocks.clone()]
                                        .iter()
                                        .enumerate()
                                        .map(|(idx, block)| draw(marks, blocks.start + idx, block))
                                        .collect_view()
                                })
                            }
                        }
                    </Show>
                </div>
            })
        };

    let body = move || {
        let view = view.get();
        let draw: fn(Marks, usize, &Block) -> AnyView = match view {
            View::SideBySide => Marks::row,
            View::Inline | View::ChangesOnly => Marks::inline_block,
        };
        let article = match view {
            View::Inline | View::SideBySide => keyed_chunks(draw).into_any(),
            View::ChangesOnly => (move || comparison.with(changes_only)).into_any(),
        };
        view! {
            {(view == View::SideBySide).then(|| view! {
                <div class="sbs-head" aria-hidden="true">
                    <span>"Original"</span>
                    <span>"Reworked"</span>
                </div>
            })}
            {move || comparison.with(|comparison| frame(comparison, false, draw))}
            {article}
            {move || comparison.with(|comparison| frame(comparison, true, draw))}
        }
        .into_any()
    };
    let is_empty = move || comparison.with(|comparison| comparison.blocks.is_empty());
    let text_class = move || match view.get() {
        View::SideBySide => "diff-text diff-sbs",
        View::Inline | View::ChangesOnly => "diff-text",
    };

    view! {
        <Show
            when=move || !is_empty()
            fallback=|| {
                view! {
                    <p class="muted" data-testid="diff-empty">
                        "Paste the original and the reworked version to see what changed."
                    </p>
                }
            }
        >
            <div class=text_class class:show-labels=move || show_labels.get() data-testid="diff-output" on:click=follow_move_link>
                {body}
            </div>
        </Show>
    }
}

/// The `id` of a moved paragraph's end, which the other end's label links to.
fn move_anchor(block: &Block) -> Option<String> {
    let id = block.move_id?;
    match block.kind {
        BlockKind::MovedFrom => Some(format!("move-{id}-from")),
        BlockKind::MovedTo => Some(format!("move-{id}-to")),
        _ => None,
    }
}

/// The label of a moved paragraph's end, with a button to the other end.
fn move_label(block: &Block) -> Option<AnyView> {
    let id = block.move_id?;
    let (text, target, button) = match block.kind {
        BlockKind::MovedFrom => (
            "Moved away from here",
            format!("move-{id}-to"),
            "go to its new place ↓",
        ),
        BlockKind::MovedTo => (
            "Moved here",
            format!("move-{id}-from"),
            "go to its old place ↑",
        ),
        _ => return None,
    };
    Some(
        view! {
            <span class="diff-move-label">
                {format!("{text} (move {}) · ", id + 1)}
                <button type="button" class="link-button" data-move-target=target>{button}</button>
                " "
            </span>
        }
        .into_any(),
    )
}

/// The label of the note the reworked version carries: added with it, but not one of the
/// changes it explains.
fn note_label(block: &Block) -> Option<AnyView> {
    block.note.then(|| {
        view! {
            <span class="diff-move-label" data-testid="diff-note-block">
                "The note, added with the reworked version (not a change) · "
            </span>
        }
        .into_any()
    })
}

/// The label of a changed headline, drawn where the headline stands.
fn headline_label() -> AnyView {
    view! { <span class="callout-label">"Headline changed"</span> }.into_any()
}

/// One listener for every move link: scrolls to the other end of the move. (A `#fragment`
/// link would replace the share link in the address bar.)
fn follow_move_link(ev: leptos::ev::MouseEvent) {
    if let Some(target) = browser::data_attribute_of_target(&ev, "data-move-target") {
        browser::scroll_to_id(&target);
    }
}

/// The CSS class suffix of a block kind.
fn block_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Equal => "equal",
        BlockKind::Changed => "changed",
        BlockKind::Inserted => "inserted",
        BlockKind::Deleted => "deleted",
        BlockKind::MovedFrom => "moved-from",
        BlockKind::MovedTo => "moved-to",
    }
}

/// Whether block `block_idx` holds a changed headline, and whether it is the first that does.
fn headline_flags(comparison: &Comparison, block_idx: usize) -> (bool, bool) {
    let [start, end] = comparison.headline;
    let holds = comparison.stats.headline_changed && (start..end).contains(&block_idx);
    (holds, holds && block_idx == start)
}

/// The blocks of chunk `chunk` of the article, each with the key it is drawn under: what the
/// block shows ([`Block::view_hash`]), whether it holds the headline, and where changes start
/// in it and the kinds of fact their badges name, with a count for blocks that show the same as
/// one before them.
fn keyed_blocks(
    comparison: &Comparison,
    change_marks: &[ChangeMark],
    chunk: usize,
) -> Vec<(u64, usize)> {
    use std::hash::{Hash, Hasher};
    let article = comparison.article_blocks();
    let start = article.start + chunk * CHUNK_BLOCKS;
    let range = start..(start + CHUNK_BLOCKS).min(article.end);
    let in_chunk: Vec<&ChangeMark> = change_marks
        .iter()
        .filter(|mark| range.contains(&mark.block))
        .collect();
    let mut seen = std::collections::HashMap::<u64, u32>::new();
    range
        .map(|idx| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            comparison.blocks[idx].view_hash().hash(&mut hasher);
            headline_flags(comparison, idx).hash(&mut hasher);
            for mark in in_chunk.iter().filter(|mark| mark.block == idx) {
                (mark.segment, fact_bits(comparison, mark.change)).hash(&mut hasher);
            }
            let key = hasher.finish();
            let nth = seen.entry(key).or_default();
            *nth += 1;
            (
                key ^ u64::from(*nth).wrapping_mul(0x9e37_79b9_7f4a_7c15),
                idx,
            )
        })
        .collect()
}
