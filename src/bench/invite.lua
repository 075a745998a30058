-- wrk script: invites customers round-robin over the shops in $BENCH_SHOPS ("slug apiKey" per line)
-- and prints each new invitation's token as a line "TOKEN <token>".
local shops, keys = {}, {}
local prefix, n = "", 0

function init(args)
  for line in io.lines(os.getenv("BENCH_SHOPS")) do
    local slug, key = line:match("(%S+) (%S+)")
    shops[#shops + 1], keys[#keys + 1] = slug, key
  end
  -- wrk seeds every thread alike, so the order references are made unique per thread by hand
  prefix = tostring({}):gsub("table: 0x", "") .. os.time()
end

function request()
  n = n + 1
  local i = (n % #shops) + 1
  local body = '{"orderRef":"bench-' .. prefix .. '-' .. n .. '","email":"customer@example.com"}'
  return wrk.format("POST", "/api/v1/shops/" .. shops[i] .. "/invitations",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. keys[i] }, body)
end

function response(status, headers, body)
  local token = body:match('"token":"([^"]+)"')
  if status == 201 and token then io.write("TOKEN " .. token .. "\n") end
end
