-- wrk script: each request takes the next path from the file named by env BENCH_PATHS, cycling, so that
-- requests spread over many products, filters or queries instead of hitting one cached answer.
local paths = {}
local file = assert(io.open(os.getenv("BENCH_PATHS"), "r"))
for line in file:lines() do paths[#paths + 1] = line end
file:close()
local counter = 0

setup = function(thread)
  thread:set("offset", math.random(#paths))
end

request = function()
  counter = counter + 1
  local path = paths[((offset or 0) + counter) % #paths + 1]
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
