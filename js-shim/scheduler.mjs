// Runs the analysis as the agent types: at once when idle, at most every
// `minGap` ms during a burst of keystrokes, and always once more after the last
// one. So the panel is never more than minGap + one run behind the draft, and a
// fast typist does not queue up work.

export function createScheduler(run, { minGap = 50, now = () => performance.now() } = {}) {
  let pending = false;
  let running = false;
  let timer = null;
  let last = -Infinity;

  async function go() {
    timer = null;
    if (!pending) return;
    pending = false;
    running = true;
    try {
      await run();
    } catch {
      /* run() reports its own errors; the scheduler keeps going */
    } finally {
      running = false;
      last = now();
      if (pending) kick();
    }
  }

  function kick() {
    if (running || timer !== null) return;
    const wait = Math.max(0, last + minGap - now());
    timer = wait === 0 ? Promise.resolve().then(go) : setTimeout(go, wait);
  }

  return {
    /** Asks for a run; cheap to call on every keystroke. */
    request() {
      pending = true;
      kick();
    },
  };
}
