# Location given with the response.
App = lambda do |env|
  return [302, { "location" => "/next" }, []] if env["w"] # codes: 302/send
  [301, redirect_headers, []] # codes: 301/send
end
