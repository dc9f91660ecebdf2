/*
 * The reference event loop for `npm run bench`: M/M/1 at rho = 0.9 (lambda 90/s, mean service
 * 10 ms), the same model as bench/mm1.mjs, written the way a plain C discrete-event simulator is:
 * a binary min-heap of (time, seq) events, exponential draws by inversion from xoshiro256**, a FIFO
 * of arrival times, and the response-time sum. Prints one JSON line.
 *
 * Build: gcc -O2 -o mm1 mm1.c -lm     Run: ./mm1 <simulated seconds> <warm-up seconds>
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { double time; double seq; int kind; } Event;
enum { ARRIVAL = 0, DEPARTURE = 1 };

static Event *heap; static size_t heap_size, heap_cap; static double next_seq;

static void push(double time, int kind) {
  if (heap_size == heap_cap) { heap_cap *= 2; heap = realloc(heap, heap_cap * sizeof(Event)); }
  Event e = { time, next_seq++, kind };
  size_t i = heap_size++;
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (heap[p].time < e.time || (heap[p].time == e.time && heap[p].seq < e.seq)) break;
    heap[i] = heap[p]; i = p;
  }
  heap[i] = e;
}

static Event pop(void) {
  Event top = heap[0], last = heap[--heap_size];
  size_t i = 0, half = heap_size / 2;
  while (i < half) {
    size_t c = 2 * i + 1;
    if (c + 1 < heap_size && (heap[c + 1].time < heap[c].time || (heap[c + 1].time == heap[c].time && heap[c + 1].seq < heap[c].seq))) c++;
    if (last.time < heap[c].time || (last.time == heap[c].time && last.seq < heap[c].seq)) break;
    heap[i] = heap[c]; i = c;
  }
  if (heap_size > 0) heap[i] = last;
  return top;
}

static uint64_t s[4] = { 0x9E3779B97F4A7C15ull, 0xBF58476D1CE4E5B9ull, 0x94D049BB133111EBull, 0x2545F4914F6CDD1Dull };
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline double uniform(void) {
  uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return (double)(r >> 11) * 0x1.0p-53;
}
static inline double exponential(double mean) { return -mean * log(1.0 - uniform()); }

int main(int argc, char **argv) {
  double duration_ms = (argc > 1 ? atof(argv[1]) : 60000) * 1000, warmup_ms = (argc > 2 ? atof(argv[2]) : 100) * 1000;
  double mean_interarrival = 1000.0 / 90, mean_service = 10;
  heap_cap = 1024; heap = malloc(heap_cap * sizeof(Event));
  size_t q_cap = 1 << 16, q_head = 0, q_len = 0; double *queue = malloc(q_cap * sizeof(double));
  double sum_response = 0; long long customers = 0, measured = 0, events = 0;
  struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
  push(exponential(mean_interarrival), ARRIVAL);
  while (heap_size > 0) {
    Event e = pop();
    if (e.time > duration_ms) break;
    events++;
    if (e.kind == ARRIVAL) {
      if (q_len == q_cap) { /* grow the ring */
        double *bigger = malloc(2 * q_cap * sizeof(double));
        for (size_t i = 0; i < q_len; i++) bigger[i] = queue[(q_head + i) & (q_cap - 1)];
        free(queue); queue = bigger; q_head = 0; q_cap *= 2;
      }
      queue[(q_head + q_len++) & (q_cap - 1)] = e.time;
      if (q_len == 1) push(e.time + exponential(mean_service), DEPARTURE);
      push(e.time + exponential(mean_interarrival), ARRIVAL);
    } else {
      double arrived = queue[q_head]; q_head = (q_head + 1) & (q_cap - 1); q_len--;
      customers++;
      if (arrived >= warmup_ms) { sum_response += e.time - arrived; measured++; }
      if (q_len > 0) push(e.time + exponential(mean_service), DEPARTURE);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall_ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
  printf("{\"bench\":\"mm1-reference-c\",\"events\":%lld,\"customers\":%lld,\"wallMs\":%.1f,\"customersPerSec\":%.0f,\"meanResponseMs\":%.2f}\n",
         events, customers, wall_ms, customers / (wall_ms / 1000), sum_response / measured);
  return 0;
}
