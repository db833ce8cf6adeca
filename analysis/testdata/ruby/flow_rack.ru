App = lambda do |env|
  return [204, { "content-type" => "text/plain" }, ["gone"]] if env["x"] # codes: 204/send want "bodiless-status: with 204 No Content sends a body"
  return [204, {}, []] if env["y"] # codes: 204/send
  return [304, {}, [""]] if env["w"] # codes: 304/send
  return [302, {}, []] if env["z"] # codes: 302/send want "missing-header: Location"
  [200, { "content-type" => "text/plain" }, ["ok"]] # codes: 200/send
end
