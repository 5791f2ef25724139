// poll_test.go tests the poller: timeouts, wake-ups from another
// goroutine (coalesced), and fd readiness on Linux.

package poll

import (
	"os"
	"runtime"
	"testing"
	"time"
)

func TestTimeout(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	evs, err := p.Wait(20 * time.Millisecond)
	if err != nil || len(evs) != 0 {
		t.Fatalf("Wait: %v %v", evs, err)
	}
	if d := time.Since(start); d < 19*time.Millisecond || d > 500*time.Millisecond {
		t.Fatalf("Wait(20ms) took %v", d)
	}
	if evs, err := p.Wait(0); err != nil || len(evs) != 0 {
		t.Fatalf("Wait(0): %v %v", evs, err)
	}
}

func TestWakeFromGoroutine(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		time.Sleep(10 * time.Millisecond)
		for i := 0; i < 100; i++ {
			if err := p.Wake(); err != nil {
				t.Error(err)
			}
		}
	}()
	start := time.Now()
	if _, err := p.Wait(Forever); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("wake-up took %v", d)
	}
	// wake-ups sent after that Wait returned coalesce into one, which a
	// single Wait consumes: the next Wait times out
	<-done
	if _, err := p.Wait(0); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	if _, err := p.Wait(15 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 10*time.Millisecond {
		t.Fatalf("stale wake-up: Wait returned after %v", d)
	}
	// a Wake before Wait makes it return at once
	p.Wake()
	start = time.Now()
	p.Wait(time.Second)
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Fatalf("pending wake-up ignored: %v", d)
	}
}

func TestReadiness(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("fd readiness needs the Linux poller")
	}
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	rfd := int(r.Fd())
	if err := p.Modify(rfd, true, false); err != nil {
		t.Fatal(err)
	}
	if evs, _ := p.Wait(0); len(evs) != 0 {
		t.Fatalf("empty pipe readable: %v", evs)
	}
	w.Write([]byte("x"))
	evs, err := p.Wait(time.Second)
	if err != nil || len(evs) != 1 || evs[0].Fd != rfd || !evs[0].Readable {
		t.Fatalf("Wait: %v %v", evs, err)
	}
	if err := p.Modify(rfd, false, false); err != nil {
		t.Fatal(err)
	}
	if p.Registered() != 0 {
		t.Fatal("fd still registered")
	}
	if evs, _ := p.Wait(0); len(evs) != 0 {
		t.Fatalf("removed fd reported: %v", evs)
	}
}
