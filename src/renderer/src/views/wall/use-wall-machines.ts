import { useMemo } from 'react';
import type { Machine } from '../../../../shared/fleet';
import { fleetList, useFleetStore } from '../../store/fleet-store';
import { useFleetVersion } from '../dashboard/chart-clock';
import { matchesLocations } from './wall-fleet';

/** A large fleet is looked at twice a second at most: a wall is read from across the room. */
const LARGE_FLEET_THROTTLE_MS = 500;

/** The machines this display shows (its `locations`, or all), fresh after every patch. */
export function useWallMachines(locations: readonly string[] | undefined): Machine[] {
  const version = useFleetVersion(LARGE_FLEET_THROTTLE_MS);
  const key = JSON.stringify(locations ?? []);
  // `version` stands for the mutable machine map, `key` for the locations.
  return useMemo(
    () => fleetList(useFleetStore.getState().machines).filter((machine) => matchesLocations(machine, locations)),
    [version, key],
  );
}
