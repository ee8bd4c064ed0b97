import { describe, expect, it } from 'vitest';
import { draftRequest } from '../../../src-renderer/components/useDraft';

const scope = { groups: ['A群'] };
const edited = { vvip: { rules: [] } };

describe('draftRequest', () => {
  it('asks of the saved definition (the scope alone) before it has arrived, whatever the empty draft says', () => {
    expect(draftRequest({ isLoaded: false, isDirty: false }, scope, edited, false)).toEqual({ groups: ['A群'] });
    expect(draftRequest({ isLoaded: false, isDirty: true }, scope, edited, true)).toEqual({ groups: ['A群'] });
  });

  it('keeps asking of the saved definition while it stands unedited, so the answer asked early is the one shown', () => {
    expect(draftRequest({ isLoaded: true, isDirty: false }, scope, edited, true)).toEqual({ groups: ['A群'] });
  });

  it('asks of the draft once it is edited, and nothing while the loaded draft is invalid', () => {
    expect(draftRequest({ isLoaded: true, isDirty: true }, scope, edited, true)).toEqual({ vvip: { rules: [] }, groups: ['A群'] });
    expect(draftRequest({ isLoaded: true, isDirty: true }, scope, edited, false)).toBeNull();
    expect(draftRequest({ isLoaded: true, isDirty: false }, scope, edited, false)).toBeNull();
  });
});
