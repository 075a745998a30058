-- wrk script: writes one review per token of $BENCH_TOKENS (one token per line); threads take
-- disjoint slices. Prints "STATUS created=<n> conflict=<n> other=<n>" (201s, 409s, anything else).
local threads = {}
local tokens = {}
local index, stride = 0, 1
created, conflict, other = 0, 0, 0

function setup(thread)
  thread:set("slot", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
  index = slot
  stride = tonumber(os.getenv("BENCH_THREADS") or "1")
end

function request()
  index = index + stride
  local token = tokens[index]
  if token == nil then
    -- out of tokens: ask for something harmless and cheap instead of a review
    return wrk.format("GET", "/q/health/live")
  end
  local grade = index % 10 + 1
  return wrk.format("POST", "/api/v1/invitations/" .. token .. "/review",
    { ["Content-Type"] = "application/json" },
    '{"score":' .. grade .. ',"text":"Benchmark review ' .. index .. '","recommend":' .. tostring(index % 3 ~= 0) .. '}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    conflict = conflict + 1
  elseif status ~= 200 then
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    k = k + thread:get("conflict")
    o = o + thread:get("other")
  end
  io.write(string.format("STATUS created=%d conflict=%d other=%d\n", c, k, o))
end
