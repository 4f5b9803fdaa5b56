package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// isTerminal reports whether w is a character device (an interactive terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// meter prints a one-line progress display (count, rate, ETA) to a
// terminal, redrawn at most a few times a second. On anything else it
// prints nothing: the summary at the end is the machine-readable output.
type meter struct {
	w     io.Writer
	on    bool
	label string
	start time.Time
	last  time.Time
}

// redraw is the shortest time between two redraws of a meter.
const redraw = 200 * time.Millisecond

func newMeter(w io.Writer, label string) *meter {
	now := time.Now()
	return &meter{w: w, on: isTerminal(w), label: label, start: now}
}

// update shows done of total (total 0 when unknown).
func (m *meter) update(done, total int) {
	if !m.on {
		return
	}
	now := time.Now()
	if now.Sub(m.last) < redraw && done != total {
		return
	}
	el := now.Sub(m.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(done) / el
	}
	line := fmt.Sprintf("%s %d", m.label, done)
	if total > 0 {
		line += fmt.Sprintf("/%d (%.0f%%)", total, 100*float64(done)/float64(total))
	}
	line += fmt.Sprintf("  %.0f/s", rate)
	if total > 0 && rate > 0 && done < total {
		eta := time.Duration(float64(total-done) / rate * float64(time.Second))
		line += "  ETA " + eta.Round(time.Second).String()
	}
	m.draw(now, line)
}

// show displays line as it is, unless the display was redrawn less than
// redraw ago.
func (m *meter) show(line string) {
	if now := time.Now(); m.on && now.Sub(m.last) >= redraw {
		m.draw(now, line)
	}
}

func (m *meter) draw(now time.Time, line string) {
	m.last = now
	fmt.Fprintf(m.w, "\r\033[K%s", line)
}

// done clears the progress line.
func (m *meter) done() {
	if m.on {
		fmt.Fprint(m.w, "\r\033[K")
	}
}
