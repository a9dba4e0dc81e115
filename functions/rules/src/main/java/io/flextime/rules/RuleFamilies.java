package io.flextime.rules;

import io.flextime.core.model.ConstraintType;
import io.flextime.core.model.SeasonConstraint;
import io.flextime.core.rules.Malformed;
import io.flextime.core.rules.Rule;
import io.flextime.rules.breaks.Breaks;
import io.flextime.rules.calendar.Calendar;
import io.flextime.rules.capacity.Capacity;
import io.flextime.rules.fairness.Fairness;
import io.flextime.rules.placement.Placement;
import io.flextime.rules.roadtrip.RoadTrips;
import io.flextime.rules.separation.Separation;
import io.flextime.rules.sequence.Sequence;
import io.flextime.rules.venue.Venues;

/**
 * Which family models each constraint type. A new type fails to compile here until its family says
 * how (see the README, "Adding a rule type").
 */
public final class RuleFamilies {
    private RuleFamilies() {
    }

    public static RuleLogic<? extends Rule> of(ConstraintType type) {
        return switch (type) {
            case CA1 -> Capacity.CA1;
            case CA2 -> Capacity.CA2;
            case CA3 -> Capacity.CA3;
            case CA4 -> Capacity.CA4;
            case GA1 -> Placement.GA1;
            case FIXED_GAME -> Placement.FIXED_GAME;
            case BR1 -> Breaks.BR1;
            case BR2 -> Breaks.BR2;
            case FA2 -> Fairness.FA2;
            case SE1 -> Separation.SE1;
            case TEAM_UNAVAILABLE -> Calendar.TEAM_UNAVAILABLE;
            case MIN_REST_DAYS -> Calendar.MIN_REST_DAYS;
            case VENUE_UNAVAILABLE -> Venues.VENUE_UNAVAILABLE;
            case SHARED_VENUE -> Venues.SHARED_VENUE;
            case MAX_ROAD_TRIP -> RoadTrips.MAX_ROAD_TRIP;
            case WEEKDAY_PATTERN -> Sequence.WEEKDAY_PATTERN;
            case GAME_WINDOW -> Sequence.GAME_WINDOW;
            case CONSECUTIVE_GAMES -> Sequence.CONSECUTIVE_GAMES;
            case GAMES_SPREAD -> Fairness.GAMES_SPREAD;
        };
    }

    /**
     * The logic of a constraint's rule. A rule the catalogue could not read cannot be modelled: that is
     * an error naming the constraint and what is wrong with it.
     */
    @SuppressWarnings("unchecked")
    public static RuleLogic<Rule> of(SeasonConstraint c) {
        if (c.rule() instanceof Malformed m) {
            throw new IllegalArgumentException("constraint " + c.id() + " (" + c.type() + "): " + m.describe());
        }
        return (RuleLogic<Rule>) of(c.type());
    }
}
