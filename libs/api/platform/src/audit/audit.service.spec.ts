import { diffForAudit, MASKED } from './audit.service';

describe('diffForAudit', () => {
  it('records only the fields that changed', () => {
    expect(diffForAudit({ role: 'STAFF', active: true }, { role: 'ADMIN', active: true })).toEqual({ role: { from: 'STAFF', to: 'ADMIN' } });
  });

  it('masks personal values but says they changed', () => {
    expect(diffForAudit({ email: 'a@x.org' }, { email: 'b@x.org' }, ['email'])).toEqual({ email: { from: MASKED, to: MASKED } });
  });

  it('keeps null visible so a cleared field is distinguishable from a set one', () => {
    expect(diffForAudit(null, { name: 'Amina' }, ['name'])).toEqual({ name: { from: null, to: MASKED } });
  });

  it('never records secrets or bookkeeping fields', () => {
    expect(diffForAudit({ passwordHash: 'x', version: 1 }, { passwordHash: 'y', version: 2 })).toEqual({});
  });
});
