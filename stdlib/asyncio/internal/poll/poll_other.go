//go:build !linux

// poll_other.go is the portable fallback poller: timeouts and wake-ups
// through a channel; file descriptor interest is recorded but never
// reported ready (networking needs the Linux poller for now).

package poll

import (
	"errors"
	"sync/atomic"
	"time"
)

// Poller waits for a wake-up or a timeout.
type Poller struct {
	wake     chan struct{}
	woken    atomic.Bool
	interest map[int]bool
}

// New makes a poller.
func New() (*Poller, error) {
	return &Poller{wake: make(chan struct{}, 1), interest: map[int]bool{}}, nil
}

// Wake interrupts a Wait in progress; safe from any goroutine.
func (p *Poller) Wake() error {
	if p.woken.CompareAndSwap(false, true) {
		select {
		case p.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// Modify records the interest in fd (not supported on this system).
func (p *Poller) Modify(fd int, readable, writable bool) error {
	if readable || writable {
		return errors.New("poll: file descriptor readiness is not supported on this system")
	}
	delete(p.interest, fd)
	return nil
}

// Registered is the number of file descriptors with an interest.
func (p *Poller) Registered() int { return len(p.interest) }

// Wait blocks until Wake is called or timeout passes (Forever: no limit).
func (p *Poller) Wait(timeout time.Duration) ([]Event, error) {
	if timeout == 0 {
		select {
		case <-p.wake:
			p.woken.Store(false)
		default:
		}
		return nil, nil
	}
	var tc <-chan time.Time
	if timeout > 0 {
		tm := time.NewTimer(timeout)
		defer tm.Stop()
		tc = tm.C
	}
	select {
	case <-p.wake:
		p.woken.Store(false)
	case <-tc:
	}
	return nil, nil
}

// Close releases the poller.
func (p *Poller) Close() error { return nil }
