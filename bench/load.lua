-- The mixed load of bench/load.py, run by wrk:  wrk -s bench/load.lua URL -- PLAN SEED
--
-- PLAN is a Lua file bench/load.py writes for the run; it returns a table:
--   pages          paths of page views, repeated by popularity (a draw picks one uniformly)
--   searches       paths of searches (/search/?q=...), one per labelled query
--   mailboxes      {slug = ..., category = ...} of the site's open mailboxes
--   search_share   share of requests that are searches (0.15)
--   letter_share   share of requests that are letters (0.05)
--   token          this benchmark run's mark: in every letter's subject and Idempotency-Key
--   letter_body    string.format template of a letter's JSON body (slug, mark, n, category)
--
-- Each request draws its kind at random, so the shares hold over any slice of the run. A letter is a
-- real API client's: JSON, its own Idempotency-Key. The answers to letters are read for their tracking
-- numbers, which done() prints (ACK lines) with the status counts, so bench/load.py can look every
-- acknowledged letter up in the database.

local threads = {}

function setup(thread)
   thread:set("thread_number", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   plan = dofile(args[1])
   math.randomseed(tonumber(args[2] or "1") * 1000 + thread_number)
   -- Each wrk run of the climb has its own mark: thread numbers and counters start again at 1.
   mark = string.format("%s-%s-%d", plan.token, args[2] or "1", thread_number)
   letters_sent = 0
   searches_sent = 0
   pages_sent = 0
   acked = {}
   statuses = {}
end

function request()
   local draw = math.random()
   if draw < plan.letter_share then
      letters_sent = letters_sent + 1
      local box = plan.mailboxes[math.random(#plan.mailboxes)]
      local body = string.format(plan.letter_body, box.slug, mark, letters_sent, box.category)
      local headers = {
         ["Content-Type"] = "application/json",
         ["Idempotency-Key"] = string.format("%s-%d", mark, letters_sent),
      }
      return wrk.format("POST", "/api/v1/letters", headers, body)
   elseif draw < plan.letter_share + plan.search_share then
      searches_sent = searches_sent + 1
      return wrk.format("GET", plan.searches[math.random(#plan.searches)])
   end
   pages_sent = pages_sent + 1
   return wrk.format("GET", plan.pages[math.random(#plan.pages)])
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status == 201 then
      local number = string.match(body, '"tracking_number":%s*"([^"]+)"')
      if number then
         acked[#acked + 1] = number
      end
   end
end

function done(summary, latency, requests)
   local sent = {pages = 0, searches = 0, letters = 0}
   local totals = {}
   for _, thread in ipairs(threads) do
      sent.pages = sent.pages + thread:get("pages_sent")
      sent.searches = sent.searches + thread:get("searches_sent")
      sent.letters = sent.letters + thread:get("letters_sent")
      for _, number in ipairs(thread:get("acked")) do
         io.write("ACK ", number, "\n")
      end
      for status, count in pairs(thread:get("statuses")) do
         totals[status] = (totals[status] or 0) + count
      end
   end
   for status, count in pairs(totals) do
      io.write(string.format("STATUS %d %d\n", status, count))
   end
   io.write(string.format("SENT %d %d %d\n", sent.pages, sent.searches, sent.letters))
   -- Latencies in microseconds, finer than wrk's own --latency table.
   for _, p in ipairs({50, 90, 99, 99.9}) do
      io.write(string.format("PERCENTILE %g %d\n", p, latency:percentile(p)))
   end
end
