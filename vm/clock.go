// clock.go gives the monotonic clock shared by time.monotonic() and the
// asyncio event loop, so loop.time() and time.monotonic() agree as in
// CPython (both read CLOCK_MONOTONIC).

package vm

import (
	"time"

	"golang.org/x/sys/unix"
)

var clockBase = time.Now()

// MonotonicNs is CLOCK_MONOTONIC in nanoseconds.
func MonotonicNs() int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return int64(time.Since(clockBase)) + 1e9
	}
	return ts.Nano()
}

// Monotonic is CLOCK_MONOTONIC in seconds.
func Monotonic() float64 { return float64(MonotonicNs()) / 1e9 }
