-- wrk script for recommendations. BENCH_MODE=personalized: GET /api/v1/recommendations?type=personalized as a
-- random signed-in user (tokens in BENCH_TOKENS); similar: type=similar for a random product (ids in
-- BENCH_PRODUCTS); popular: type=popular, anonymous.
local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end
local mode = os.getenv("BENCH_MODE")
local tokens = lines(os.getenv("BENCH_TOKENS"))
local products = lines(os.getenv("BENCH_PRODUCTS"))

request = function()
  if mode == "personalized" then
    return wrk.format("GET", "/api/v1/recommendations?type=personalized&limit=20",
      { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
  elseif mode == "similar" then
    return wrk.format("GET", "/api/v1/recommendations?type=similar&limit=10&productId=" .. products[math.random(#products)])
  end
  return wrk.format("GET", "/api/v1/recommendations?type=popular&limit=20")
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
