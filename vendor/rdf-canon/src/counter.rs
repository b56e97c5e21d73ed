use crate::CanonicalizationError;
use std::{collections::HashMap, fmt};

const DEFAULT_HNDQ_CALL_LIMIT: usize = 4000;
/// LEARNER WALLET PATCH: units of work (`SimpleHndqCallCounter::add_work`) allowed per call.
const WORK_PER_CALL: usize = 16;

pub trait HndqCallCounter {
    fn new(max_calls: Option<usize>) -> Self;
    fn add(&mut self, identifier: &str) -> Result<(), CanonicalizationError>;
    fn sum(&self) -> usize;
}

pub struct SimpleHndqCallCounter {
    counter: usize,
    limit: usize,
    // LEARNER WALLET PATCH: work done inside Hash N-Degree Quads (see `add_work`).
    work: usize,
}

impl Default for SimpleHndqCallCounter {
    fn default() -> Self {
        Self {
            counter: Default::default(),
            limit: DEFAULT_HNDQ_CALL_LIMIT,
            work: 0,
        }
    }
}

impl SimpleHndqCallCounter {
    /// LEARNER WALLET PATCH: counts work inside Hash N-Degree Quads that the call count does
    /// not see, in units of about one quad hashed: each quad of the node (step 3), each copy
    /// of the path issuer (step 5.4.1, its size) and each join of the path (steps 5.4.4 and
    /// 5.4.5, its length). A list of k related blank nodes with one hash has k!
    /// permutations, and the call counter sees none of them unless they recurse: a blank node
    /// in nine statements of two identical graphs took seconds, in twelve it would take hours.
    /// The limit is `WORK_PER_CALL` times the call limit.
    pub fn add_work(&mut self, units: usize) -> Result<(), CanonicalizationError> {
        self.work += units;
        if self.work > self.limit.saturating_mul(WORK_PER_CALL) {
            Err(CanonicalizationError::HndqCallLimitExceeded(self.limit))
        } else {
            Ok(())
        }
    }
}

impl HndqCallCounter for SimpleHndqCallCounter {
    fn new(max_calls: Option<usize>) -> Self {
        let limit = match max_calls {
            Some(limit) => limit,
            None => DEFAULT_HNDQ_CALL_LIMIT,
        };
        Self {
            counter: 0,
            limit,
            work: 0,
        }
    }

    fn add(&mut self, _identifier: &str) -> Result<(), CanonicalizationError> {
        self.counter += 1;
        if self.counter > self.limit {
            Err(CanonicalizationError::HndqCallLimitExceeded(self.limit))
        } else {
            Ok(())
        }
    }

    fn sum(&self) -> usize {
        self.counter
    }
}

impl fmt::Debug for SimpleHndqCallCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("")
            .field("counter", &self.counter)
            .field("limit", &self.limit)
            .field("work", &self.work)
            .finish()
    }
}

pub struct PerNodeHndqCallCounter {
    counter: HashMap<String, usize>,
    limit: usize,
}

impl Default for PerNodeHndqCallCounter {
    fn default() -> Self {
        Self {
            counter: Default::default(),
            limit: DEFAULT_HNDQ_CALL_LIMIT,
        }
    }
}

impl HndqCallCounter for PerNodeHndqCallCounter {
    fn new(max_calls: Option<usize>) -> Self {
        let limit = match max_calls {
            Some(limit) => limit,
            None => DEFAULT_HNDQ_CALL_LIMIT,
        };
        Self {
            counter: Default::default(),
            limit,
        }
    }

    fn add(&mut self, identifier: &str) -> Result<(), CanonicalizationError> {
        let current = self
            .counter
            .entry(identifier.to_string())
            .and_modify(|c| *c += 1)
            .or_insert(1);
        if current > &mut self.limit {
            Err(CanonicalizationError::HndqCallLimitExceeded(self.limit))
        } else {
            Ok(())
        }
    }

    fn sum(&self) -> usize {
        self.counter
            .values()
            .copied()
            .reduce(|acc, v| acc + v)
            .unwrap_or(0)
    }
}

impl fmt::Debug for PerNodeHndqCallCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("")
            .field("counter", &self.counter)
            .field("limit", &self.limit)
            .field("sum", &self.sum())
            .finish()
    }
}
