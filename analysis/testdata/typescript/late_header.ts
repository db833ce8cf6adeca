import type { Request, Response } from 'express';

export function create(req: Request, res: Response): void {
  res.status(201).send({ id: 1 }); // codes: 201/send
  res.header('Location', '/items/1'); // want "late-header: res.header\\('Location', '/items/1'\\) comes too late: the status was sent by res.status\\(201\\).send\\(\\{ id: 1 \\}\\) on line 4"
}

export class ItemsController {
  async remove(req: Request, res: Response): Promise<void> {
    await this.items.delete(req.params.id);
    res.sendStatus(204); // codes: 204/send
    res.append('Warning', '199 - "deleted"'); // want "late-header"
  }

  show(req: Request, res: Response) {
    if (!req.params.id) {
      res.status(400).json({ error: 'id required' }); // codes: 400/send
      return;
    }
    res.set('Cache-Control', 'no-store');
    res.json(this.items.get(req.params.id));
  }
}
