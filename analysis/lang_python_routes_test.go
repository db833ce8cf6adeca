package analysis

import "testing"

func TestRoutesFastAPI(t *testing.T) {
	runRouteCases(t, "app.py", []routeCase{
		{name: "app routes and their bodies",
			src: "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/items/{item_id}\")\nasync def read(item_id: int):\n    if item_id:\n        return 1\n    return 2\n\n@app.post('/items', status_code=201)\ndef create(): return 3\n",
			routes: []string{
				"GET /items/{item_id} at \"/items/{item_id}\" body @app.get(\"/items/{item_id}\")\nasync def read(item_id: int):\n    if item_id:\n        return 1\n    return 2",
				"POST /items at '/items' body @app.post('/items', status_code=201)\ndef create(): return 3",
			},
			funs: []string{"read if item_id:\n        return 1\n    return 2", "create return 3"}},
		{name: "a router's prefix, included with another",
			src: "router = APIRouter(prefix=\"/orders\", tags=[\"o\"])\n\n@router.post(\"/{id}/cancel\")\ndef cancel(id):\n    pass\n\napp = FastAPI()\napp.include_router(router, prefix=\"/api/v1\")\n",
			routes: []string{
				"POST /api/v1/orders/{id}/cancel at \"/{id}/cancel\" body @router.post(\"/{id}/cancel\")\ndef cancel(id):\n    pass",
			}},
		{name: "a router of this file without an app is mounted elsewhere",
			src: "from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.delete(\"/{id}\")\ndef remove(id):\n    return None\n",
			routes: []string{
				"DELETE /{id} mounted at \"/{id}\" body @router.delete(\"/{id}\")\ndef remove(id):\n    return None",
			}},
		{name: "a router with a prefix may still be included under another",
			src: "r: APIRouter = APIRouter(prefix=\"/users\")\n@r.get(\"\")\ndef users():\n    return []\n",
			routes: []string{
				"GET /users mounted at \"\" body @r.get(\"\")\ndef users():\n    return []",
			}},
		{name: "a prefix that is not a literal leaves the route mounted",
			src: "app = FastAPI()\nr = APIRouter()\n@r.get(\"/x\")\ndef x():\n    return 1\napp.include_router(r, prefix=settings.API_V1)\n",
			routes: []string{
				"GET /x mounted at \"/x\" body @r.get(\"/x\")\ndef x():\n    return 1",
			}},
		{name: "stacked decorators, comments and strings",
			src: "app = FastAPI()\n# @app.get(\"/commented\")\ns = '@app.get(\"/string\")'\n@app.get(\"/a\")\n@requires_auth\n@app.api_route(\"/b\", methods=[\"PUT\", \"patch\"])\nasync def ab():\n    return s\n\n@cache\ndef not_a_route():\n    return 0\n",
			routes: []string{
				"GET /a at \"/a\" body @app.get(\"/a\")\n@requires_auth\n@app.api_route(\"/b\", methods=[\"PUT\", \"patch\"])\nasync def ab():\n    return s",
				"PUT /b at \"/b\" body @app.api_route(\"/b\", methods=[\"PUT\", \"patch\"])\nasync def ab():\n    return s",
				"PATCH /b at \"/b\" body @app.api_route(\"/b\", methods=[\"PUT\", \"patch\"])\nasync def ab():\n    return s",
			},
			funs: []string{"ab return s", "not_a_route return 0"}},
		{name: "a decorator whose def does not follow registers nothing",
			src:    "@app.get(\"/a\")\nx = 1\ndef f():\n    pass\n",
			routes: nil, funs: []string{"f pass"}},
		{name: "an f-string path is not read",
			src:    "app = FastAPI()\n@app.get(f\"/{PREFIX}/x\")\ndef f():\n    pass\n",
			routes: nil},
		{name: "add_api_route names its endpoint",
			src: "app = FastAPI()\napp.add_api_route(\"/health\", health, methods=[\"GET\", \"HEAD\"])\n",
			routes: []string{
				"GET /health at \"/health\" handler health",
				"HEAD /health at \"/health\" handler health",
			}},
		{name: "a receiver of another file named app",
			src: "from main import app\n@app.put(path=\"/p\")\ndef p():\n    pass\n",
			routes: []string{
				"PUT /p at \"/p\" body @app.put(path=\"/p\")\ndef p():\n    pass",
			}},
		{name: "methods and nested functions",
			src:    "class A:\n    def m(self):\n        def inner():\n            x = 1\n        return inner\n\n    async def n(self): pass\ndef top():\n    return A\n",
			routes: nil,
			funs:   []string{"m def inner():\n            x = 1\n        return inner", "inner x = 1", "n pass", "top return A"}},
	})
}

func TestRoutesFlask(t *testing.T) {
	runRouteCases(t, "views.py", []routeCase{
		{name: "route without methods is GET; methods lists",
			src: "from flask import Flask\napp = Flask(__name__)\n\n@app.route(\"/users/<int:id>\")\ndef user(id):\n    return 'u'\n\n@app.route(\"/users\", methods=(\"POST\", \"GET\"))\ndef users():\n    return 'us', 201\n",
			routes: []string{
				"GET /users/<int:id> at \"/users/<int:id>\" body @app.route(\"/users/<int:id>\")\ndef user(id):\n    return 'u'",
				"POST /users at \"/users\" body @app.route(\"/users\", methods=(\"POST\", \"GET\"))\ndef users():\n    return 'us', 201",
				"GET /users at \"/users\" body @app.route(\"/users\", methods=(\"POST\", \"GET\"))\ndef users():\n    return 'us', 201",
			}},
		{name: "a blueprint registered elsewhere is mounted",
			src: "from flask import Blueprint\nbp = Blueprint(\"orders\", __name__, url_prefix=\"/orders\")\n\n@bp.get(\"/<id>\")\ndef show(id):\n    return ''\n\n@bp.route(\"/\", methods=[\"DELETE\"])\ndef clear():\n    return '', 204\n",
			routes: []string{
				"GET /orders/<id> mounted at \"/<id>\" body @bp.get(\"/<id>\")\ndef show(id):\n    return ''",
				"DELETE /orders/ mounted at \"/\" body @bp.route(\"/\", methods=[\"DELETE\"])\ndef clear():\n    return '', 204",
			}},
		{name: "register_blueprint's url_prefix replaces the blueprint's",
			src: "app = Flask(__name__)\nbp = Blueprint(\"b\", __name__, url_prefix=\"/old\")\n@bp.post(\"/x\")\ndef x():\n    return ''\napp.register_blueprint(bp, url_prefix=\"/api/new\")\n",
			routes: []string{
				"POST /api/new/x at \"/x\" body @bp.post(\"/x\")\ndef x():\n    return ''",
			}},
		{name: "a blueprint in a blueprint",
			src: "app = Flask(__name__)\nparent = Blueprint(\"p\", __name__, url_prefix=\"/parent\")\nchild = Blueprint(\"c\", __name__, url_prefix=\"/child\")\n@child.patch(\"/x\")\ndef x():\n    return ''\nparent.register_blueprint(child)\napp.register_blueprint(parent)\n",
			routes: []string{
				"PATCH /parent/child/x at \"/x\" body @child.patch(\"/x\")\ndef x():\n    return ''",
			}},
		{name: "blueprints registered in a cycle end",
			src: "a = Blueprint(\"a\", __name__)\nb = Blueprint(\"b\", __name__)\na.register_blueprint(b)\nb.register_blueprint(a)\n@a.get(\"/x\")\ndef x():\n    return ''\n",
			routes: []string{
				"GET /x mounted at \"/x\" body @a.get(\"/x\")\ndef x():\n    return ''",
			}},
		{name: "add_url_rule",
			src: "app = Flask(__name__)\napp.add_url_rule(\"/\", \"index\", index)\napp.add_url_rule(\"/p\", view_func=views.post, methods=[\"POST\"])\napp.add_url_rule(\"/c\", view_func=V.as_view(\"v\"))\n",
			routes: []string{
				"GET / at \"/\" handler index",
				"POST /p at \"/p\" handler post",
			}},
	})
}
