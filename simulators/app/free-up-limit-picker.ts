/**
 * The free up space limit picker (seed 000 §6.4.5, "Select from the pre-set limit: 2GB, 4GB, 6GB, 8GB, or 10GB.
 * Click Done"): a tap on a limit marks it; Done sets the marked limit and returns to More. Which of the two steps
 * sets the limit and leaves the picker.
 */
export type LimitPickerStep = 'pick' | 'done';

export function limitSetOn(step: LimitPickerStep): boolean {
  return step === 'done';
}
