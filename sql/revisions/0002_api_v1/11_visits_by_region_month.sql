-- grain: one row per Korean region of the visiting official and month of the visit
create view api_v1.visits_by_region_month as
with visits as (
    select * from api_v1.visits where visit_date is not null and date_precision in ('day', 'month')
),

officials as (
    select official_id, region_ko from api_v1.officials
),

monthly as (
    select
        officials.region_ko,
        date_trunc('month', visits.visit_date)::date as month_on,
        count(*) filter (where visits.status = 'completed') as completed_visits,
        count(*) filter (where visits.status = 'planned') as planned_visits,
        count(*) filter (where visits.is_boston_area) as boston_area_visits,
        count(distinct visits.official_id) as officials,
        count(distinct visits.article_id) as articles
    from visits
    inner join officials on officials.official_id = visits.official_id
    group by 1, 2
)

select * from monthly;

comment on view api_v1.visits_by_region_month is 'One row per Korean region of the visiting official and month: how many visits were made or planned. Visits with no date or only a year are left out.';
comment on column api_v1.visits_by_region_month.region_ko is 'Korean provincial-level division of the visiting official; NULL for national or foreign officials.';
comment on column api_v1.visits_by_region_month.month_on is 'First day of the month of the visit.';
comment on column api_v1.visits_by_region_month.completed_visits is 'Visits reported as done.';
comment on column api_v1.visits_by_region_month.planned_visits is 'Visits reported as planned.';
comment on column api_v1.visits_by_region_month.boston_area_visits is 'Visits to institutions or places in Massachusetts.';
comment on column api_v1.visits_by_region_month.officials is 'Distinct visiting officials.';
comment on column api_v1.visits_by_region_month.articles is 'Distinct articles reporting them.';
