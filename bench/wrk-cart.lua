-- wrk script for carts. BENCH_MODE=get: GET /api/v1/cart as a random signed-in user (tokens in BENCH_TOKENS).
-- BENCH_MODE=add-user: a random user adds one unit of a random product (ids in BENCH_PRODUCTS).
-- BENCH_MODE=add-guest: a new guest's first addition (creates a cart and a token each time).
local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end
local mode = os.getenv("BENCH_MODE")
local tokens = lines(os.getenv("BENCH_TOKENS"))
local products = lines(os.getenv("BENCH_PRODUCTS"))

request = function()
  if mode == "get" then
    return wrk.format("GET", "/api/v1/cart", { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
  end
  local body = '{"productId":"' .. products[math.random(#products)] .. '","quantity":1}'
  local headers = { ["Content-Type"] = "application/json" }
  if mode == "add-user" then headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] end
  return wrk.format("POST", "/api/v1/cart/items", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
