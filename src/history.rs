//! Training history in bounded memory.
//!
//! A run may last millions of steps, but a chart needs only a few hundred points. [`History`]
//! keeps at most `capacity` records, evenly spaced: it keeps one record every `stride` pushes,
//! and when the buffer is full it drops every second record and doubles the stride. The kept
//! records are then always the pushes number `0, stride, 2 * stride, ...`, so the chart of a
//! long run looks like the chart of a short one, only coarser.
//!
//! Unit events (a unit died or came back to life) are rare and each one matters, so they are
//! kept separately, as the latest [`EVENT_CAPACITY`] of them.

/// The smallest capacity of a [`History`].
pub const MIN_CAPACITY: usize = 16;

/// How many unit events are kept; older ones are dropped first.
pub const EVENT_CAPACITY: usize = 256;

/// The number of floats per record written by [`History::as_columns`].
pub const COLUMNS: usize = 7;

/// The names of the columns written by [`History::as_columns`], in order.
pub const COLUMN_NAMES: [&str; COLUMNS] = [
    "step",
    "trainLoss",
    "testLoss",
    "trainAccuracy",
    "testAccuracy",
    "neverActiveUnits",
    "sparsity",
];

/// The measurements of one training step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Record {
    /// The training step (number of parameter updates so far).
    pub step: u64,
    /// Loss on the training set.
    pub train_loss: f32,
    /// Loss on the test set.
    pub test_loss: f32,
    /// Accuracy on the training set, 0 to 1 (classification only).
    pub train_accuracy: f32,
    /// Accuracy on the test set, 0 to 1 (classification only).
    pub test_accuracy: f32,
    /// Hidden units never active on the training set: the dead units of a ReLU network, the
    /// inactive units of a network with another activation.
    pub never_active_units: u32,
    /// Sparsity over all hidden layers: the fraction of exactly-zero activations.
    pub sparsity: f32,
}

/// A hidden unit died (became dead) or came back to life at some step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UnitEvent {
    /// The training step at which the change was seen.
    pub step: u64,
    /// The hidden layer, numbered from 1.
    pub layer: u16,
    /// The unit within its layer, numbered from 0.
    pub unit: u16,
    /// `true` if the unit died, `false` if it came back to life.
    pub died: bool,
}

/// Evenly spaced training records in bounded memory, plus the latest unit events.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    capacity: usize,
    stride: u64,
    records: Vec<Record>,
    /// Records offered to [`History::push`] since the last clear.
    pushes: u64,
    latest: Option<Record>,
    events: Vec<UnitEvent>,
}

impl History {
    /// An empty history keeping at most `capacity` records. The capacity is raised to
    /// [`MIN_CAPACITY`] if smaller and rounded up to an even number, so that halving keeps the
    /// records evenly spaced.
    pub fn new(capacity: usize) -> History {
        let capacity = capacity.max(MIN_CAPACITY).next_multiple_of(2);
        History {
            capacity,
            stride: 1,
            records: Vec::with_capacity(capacity),
            pushes: 0,
            latest: None,
            events: Vec::with_capacity(EVENT_CAPACITY),
        }
    }

    /// Offer the record of one step. It is kept if its push number is a multiple of the
    /// stride; when the buffer is full, every second record is dropped first and the stride
    /// doubles. The very first record is always kept.
    pub fn push(&mut self, record: Record) {
        if self.will_keep_next() {
            if self.records.len() >= self.capacity {
                self.halve();
            }
            // The buffer held `capacity` records (an even number) at the old stride, so the
            // next push number is also a multiple of the doubled stride.
            self.records.push(record);
        }
        self.pushes += 1;
        self.latest = Some(record);
    }

    /// Whether the next call to [`History::push`] will keep its record. When it will not, a
    /// caller can save the work of measuring the step and call [`History::skip`] instead.
    pub fn will_keep_next(&self) -> bool {
        self.pushes % self.stride == 0
    }

    /// How many of the next `pushes` pushes [`History::push`] would keep: the records a run of
    /// that many steps measures. Computes, changes nothing.
    pub fn kept_in_next(&self, pushes: u64) -> u64 {
        let (mut stride, mut len) = (self.stride, self.records.len());
        let (mut next, end) = (self.pushes, self.pushes.saturating_add(pushes));
        let mut kept = 0;
        loop {
            next = next.next_multiple_of(stride);
            if next >= end {
                return kept;
            }
            if len >= self.capacity {
                len = len.div_ceil(2);
                stride *= 2;
            }
            len += 1;
            kept += 1;
            next += 1;
        }
    }

    /// Count a step without a record, for when [`History::will_keep_next`] is `false`: the
    /// same as a `push` whose record is dropped, except that [`History::latest`] does not
    /// change. (Skipping a step whose record was due leaves a gap in the spacing.)
    pub fn skip(&mut self) {
        self.pushes += 1;
    }

    /// Keep records 0, 2, 4, ... and double the stride.
    fn halve(&mut self) {
        let mut kept = 0;
        for index in (0..self.records.len()).step_by(2) {
            self.records[kept] = self.records[index];
            kept += 1;
        }
        self.records.truncate(kept);
        self.stride *= 2;
    }

    /// The kept records, oldest first, evenly spaced by [`History::stride`] pushes.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The most recently pushed record, whether it was kept or not.
    pub fn latest(&self) -> Option<Record> {
        self.latest
    }

    /// Forget all records and events and start again with stride 1.
    pub fn clear(&mut self) {
        self.records.clear();
        self.events.clear();
        self.stride = 1;
        self.pushes = 0;
        self.latest = None;
    }

    /// The number of kept records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no record is kept.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The most records kept at once.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How many pushes separate two kept records (a power of two).
    pub fn stride(&self) -> u64 {
        self.stride
    }

    /// Replace the contents of `out` with the kept records as a table of [`COLUMNS`] floats
    /// per record, record after record: value `column` of record `r` is at
    /// `out[r * COLUMNS + column]`, the columns in the order of [`COLUMN_NAMES`]: step, train
    /// loss, test loss, train accuracy, test accuracy, never-active units, sparsity. The step is
    /// exact up to 2^24 (about 16.7 million). Reuses the allocation of `out`.
    pub fn as_columns(&self, out: &mut Vec<f32>) {
        out.clear();
        out.reserve(self.records.len() * COLUMNS);
        for record in &self.records {
            out.extend_from_slice(&[
                record.step as f32,
                record.train_loss,
                record.test_loss,
                record.train_accuracy,
                record.test_accuracy,
                record.never_active_units as f32,
                record.sparsity,
            ]);
        }
    }

    /// Record that a unit died or came back to life; the oldest event is dropped once
    /// [`EVENT_CAPACITY`] events are kept.
    pub fn push_event(&mut self, event: UnitEvent) {
        if self.events.len() >= EVENT_CAPACITY {
            self.events.remove(0);
        }
        self.events.push(event);
    }

    /// The kept unit events, oldest first.
    pub fn events(&self) -> &[UnitEvent] {
        &self.events
    }
}

impl Default for History {
    /// A history of 512 records.
    fn default() -> Self {
        History::new(512)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_step(step: u64) -> Record {
        Record {
            step,
            train_loss: 1.0 / (step as f32 + 1.0),
            ..Record::default()
        }
    }

    #[test]
    fn capacity_is_at_least_16_and_even() {
        assert_eq!(History::new(0).capacity(), 16);
        assert_eq!(History::new(33).capacity(), 34);
        assert_eq!(History::new(100).capacity(), 100);
    }

    #[test]
    fn short_runs_keep_everything() {
        let mut history = History::new(16);
        for step in 0..16 {
            history.push(at_step(step));
        }
        assert_eq!(history.len(), 16);
        assert_eq!(history.stride(), 1);
        assert!(
            history
                .records()
                .iter()
                .enumerate()
                .all(|(i, r)| r.step == i as u64)
        );
    }

    #[test]
    fn long_runs_stay_bounded_and_evenly_spaced() {
        for capacity in [16, 50, 512] {
            let mut history = History::new(capacity);
            for step in 0..100_000 {
                history.push(at_step(step));
                assert!(history.len() <= capacity);
            }
            let records = history.records();
            assert_eq!(records[0].step, 0, "the first record is kept");
            assert!(
                records.len() > capacity / 2,
                "at least half full: {}",
                records.len()
            );
            let stride = history.stride();
            assert!(stride.is_power_of_two());
            assert!(
                records
                    .windows(2)
                    .all(|pair| pair[1].step - pair[0].step == stride)
            );
            // The newest kept record is less than one stride behind the last push.
            assert!(99_999 - records[records.len() - 1].step < stride);
            assert_eq!(history.latest().map(|r| r.step), Some(99_999));
        }
    }

    #[test]
    fn skipping_unwanted_steps_matches_pushing_them() {
        let mut pushed = History::new(16);
        let mut skipped = History::new(16);
        for step in 0..10_000 {
            pushed.push(at_step(step));
            if skipped.will_keep_next() {
                skipped.push(at_step(step));
            } else {
                skipped.skip();
            }
        }
        assert_eq!(pushed.records(), skipped.records());
        assert_eq!(pushed.stride(), skipped.stride());
    }

    #[test]
    fn columns_follow_the_documented_order() {
        let mut history = History::new(16);
        let record = Record {
            step: 3,
            train_loss: 0.5,
            test_loss: 0.75,
            train_accuracy: 0.9,
            test_accuracy: 0.8,
            never_active_units: 2,
            sparsity: 0.25,
        };
        history.push(record);
        history.push(Record { step: 4, ..record });
        let mut out = vec![99.0; 3];
        history.as_columns(&mut out);
        assert_eq!(out.len(), 2 * COLUMNS);
        assert_eq!(&out[..COLUMNS], &[3.0, 0.5, 0.75, 0.9, 0.8, 2.0, 0.25]);
        assert_eq!(out[COLUMNS], 4.0);
    }

    #[test]
    fn events_are_bounded_and_drop_the_oldest() {
        let mut history = History::new(16);
        for step in 0..1000 {
            history.push_event(UnitEvent {
                step,
                layer: 1,
                unit: 3,
                died: step % 2 == 0,
            });
        }
        let events = history.events();
        assert_eq!(events.len(), EVENT_CAPACITY);
        assert_eq!(events[0].step, 1000 - EVENT_CAPACITY as u64);
        assert_eq!(events[EVENT_CAPACITY - 1].step, 999);
    }

    #[test]
    fn clear_starts_over() {
        let mut history = History::new(16);
        for step in 0..1000 {
            history.push(at_step(step));
        }
        history.push_event(UnitEvent::default());
        history.clear();
        assert!(history.is_empty() && history.events().is_empty());
        assert_eq!((history.stride(), history.latest()), (1, None));
        history.push(at_step(7));
        assert_eq!(history.records()[0].step, 7);
    }

    #[test]
    fn kept_in_next_counts_what_pushes_keep() {
        for (capacity, before, steps) in [(16, 0, 1000), (16, 37, 5), (16, 100, 333), (20, 3, 0)] {
            let mut history = History::new(capacity);
            for _ in 0..before {
                history.push(Record::default());
            }
            let predicted = history.kept_in_next(steps);
            let mut kept = 0;
            for _ in 0..steps {
                if history.will_keep_next() {
                    kept += 1;
                }
                history.push(Record::default());
            }
            assert_eq!(
                predicted, kept,
                "capacity {capacity}, {before} before, {steps} steps"
            );
        }
    }
}
