//! What reaches an isolate from other threads — port messages, I/O completions — and the
//! one wait of its event loop for them and for its next timer.
//!
//! Another thread never touches an isolate's heap. It posts a [`Delivery`], a closure the
//! isolate runs on its own thread at an event-loop turn (a safepoint), where it may
//! allocate, build Dart objects from the message and call into Dart. Each delivery is one
//! event in the Dart VM's sense: the microtask queue drains completely after it.
//!
//! Whether the program may end is a separate count, [`Isolate::event_sources`]: natives
//! that open something able to deliver later (a `ReceivePort`, a pending I/O operation)
//! count it up and count it down when it closes or completes, always on the isolate's own
//! thread.
//!
//! [`Isolate::event_sources`]: super::isolate::Isolate::event_sources

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::event_loop::LoopWaker;
use super::isolate::{IsolatePtr, Pending};

/// Work another thread hands to an isolate; runs on the isolate's thread at a turn.
pub type Delivery = Box<dyn FnOnce(IsolatePtr) -> Result<(), Pending> + Send>;

/// An isolate's queue of deliveries (see the module doc).
#[derive(Default)]
pub struct Inbox {
    state: Mutex<InboxState>,
    arrived: Condvar,
}

#[derive(Default)]
struct InboxState {
    queue: VecDeque<Delivery>,
    /// Wakes a loop host that waits in its own way (the hot-reload session's console).
    host_waker: Option<LoopWaker>,
}

impl Inbox {
    pub fn new() -> Arc<Inbox> {
        Arc::new(Inbox::default())
    }

    /// A poisoned lock only means another thread panicked while posting: the queue itself
    /// is still a valid queue, so keep using it.
    fn lock(&self) -> MutexGuard<'_, InboxState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues `delivery` and wakes the isolate's loop; callable from any thread.
    pub fn post(&self, delivery: Delivery) {
        let waker = {
            let mut state = self.lock();
            state.queue.push_back(delivery);
            state.host_waker.clone()
        };
        self.arrived.notify_all();
        if let Some(wake) = waker {
            wake();
        }
    }

    /// The oldest delivery, if any arrived.
    pub fn take(&self) -> Option<Delivery> {
        self.lock().queue.pop_front()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().queue.is_empty()
    }

    /// Blocks until a delivery is queued or `timeout` passes (`None`: no limit).
    pub fn wait(&self, timeout: Option<Duration>) {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        let mut state = self.lock();
        while state.queue.is_empty() {
            match deadline {
                None => {
                    state = self.arrived.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return;
                    }
                    state = self
                        .arrived
                        .wait_timeout(state, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
    }

    /// Installs (or removes) the waker of a loop host that waits on its own channel.
    pub fn set_host_waker(&self, waker: Option<LoopWaker>) {
        self.lock().host_waker = waker;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_returns_when_another_thread_posts() {
        let inbox = Inbox::new();
        let poster = inbox.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            poster.post(Box::new(|_| Ok(())));
        });
        inbox.wait(None);
        assert!(inbox.take().is_some());
        assert!(inbox.take().is_none());
        t.join().expect("poster thread");
    }

    #[test]
    fn wait_times_out_when_nothing_arrives() {
        let inbox = Inbox::new();
        let start = Instant::now();
        inbox.wait(Some(Duration::from_millis(15)));
        assert!(start.elapsed() >= Duration::from_millis(15));
        assert!(inbox.is_empty());
    }

    #[test]
    fn post_wakes_the_host() {
        let inbox = Inbox::new();
        let woken = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let w = woken.clone();
        inbox.set_host_waker(Some(Arc::new(move || {
            w.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        })));
        inbox.post(Box::new(|_| Ok(())));
        assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn deliveries_come_out_in_posting_order() {
        let inbox = Inbox::new();
        let order = Arc::new(Mutex::new(Vec::new()));
        for i in 0..3 {
            let o = order.clone();
            inbox.post(Box::new(move |_| {
                o.lock().expect("order").push(i);
                Ok(())
            }));
        }
        // The closures need an isolate to run; their order is what matters here, so run
        // them with a null pointer they never dereference.
        while let Some(d) = inbox.take() {
            let _ = d(IsolatePtr::dangling_for_tests());
        }
        assert_eq!(*order.lock().expect("order"), vec![0, 1, 2]);
    }
}
